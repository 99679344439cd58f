using System.Linq;
using Microsoft.CodeAnalysis;

namespace ProbDsl.Generators.Tests;

/// <summary>What the build shows for hostile or empty .pdsl files: located, escaped, never a crash (issue #10).</summary>
public class HostileFileTests
{
    [Fact]
    public void An_empty_file_is_an_info_diagnostic_in_the_build()
    {
        var run = GeneratorHarness.Run(("/m/empty.pdsl", "// to do\n"));

        Assert.Null(Assert.Single(run.Results).Exception);
        var info = Assert.Single(run.Diagnostics);
        Assert.Equal(("PDSL0004", DiagnosticSeverity.Info, "/m/empty.pdsl"), (info.Id, info.Severity, info.Location.GetLineSpan().Path));
        Assert.Empty(run.Results[0].GeneratedSources);
    }

    [Fact]
    public void A_bidi_override_is_a_warning_at_its_place_and_no_message_carries_a_raw_control_character()
    {
        var run = GeneratorHarness.Run(("/m/evil.pdsl", "// \u202E\nmodel \0M {"));

        var warning = Assert.Single(run.Diagnostics, d => d.Id == "PDSL0003");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal((0, 3), (warning.Location.GetLineSpan().StartLinePosition.Line, warning.Location.GetLineSpan().StartLinePosition.Character));
        var syntax = Assert.Single(run.Diagnostics, d => d.Id == "PDSL0001");
        Assert.Contains("'\\u0000'", syntax.GetMessage());
        Assert.All(run.Diagnostics, d => Assert.DoesNotContain(d.GetMessage(), c => char.IsControl(c) || c == '\u202E'));
    }
}
