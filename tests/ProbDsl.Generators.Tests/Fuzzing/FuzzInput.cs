using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>A file the build hands to the generators: a C# source or a .pdsl AdditionalFile.</summary>
internal sealed record FuzzFile(string Path, string Text);

/// <summary>
/// What one build gives the generators: C# sources (for [ProbModel]), .pdsl files, and item metadata on every
/// .pdsl file. A real project may have all three at once, so every input runs through both generators together.
/// </summary>
internal sealed record FuzzInput(ImmutableArray<FuzzFile> CSharp, ImmutableArray<FuzzFile> Pdsl, ImmutableDictionary<string, string> Metadata)
{
    public static FuzzInput OfPdsl(params FuzzFile[] files) =>
        new(ImmutableArray<FuzzFile>.Empty, files.ToImmutableArray(), ImmutableDictionary<string, string>.Empty);

    public static FuzzInput OfCSharp(string text) =>
        new(ImmutableArray.Create(new FuzzFile(CSharpPath, text)), ImmutableArray<FuzzFile>.Empty, ImmutableDictionary<string, string>.Empty);

    public const string CSharpPath = "/src/Models.cs";

    /// <summary>The input as text to paste into a regression test.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var (key, value) in Metadata)
            text.Append("metadata ").Append(key).Append('=').Append(value).Append('\n');
        foreach (var file in CSharp.Concat(Pdsl))
            text.Append("=== ").Append(file.Path).Append('\n').Append(file.Text).Append('\n');
        return text.ToString();
    }

    public IEnumerable<FuzzFile> All => CSharp.Concat(Pdsl);
}
