using System.Collections.Immutable;
using System.Linq;
using System.Text;
using ProbDsl.Dsl.Diagnostics;

namespace ProbDsl.Compiler;

/// <summary>One generated C# file.</summary>
public sealed record GeneratedSource(string HintName, string Text);

/// <summary>Stage 4, <see cref="ProbDslCompiler.Emit"/>: the C# files (none when there are errors) and every diagnostic of the file.</summary>
public sealed record EmittedFile(string Path, ImmutableArray<GeneratedSource> Sources, ImmutableArray<DslDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The sources, each after a <c>// ==== Name.g.cs</c> line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(StageText.Diagnostics(Diagnostics));
        foreach (var source in Sources)
            text.Append("// ==== ").Append(source.HintName).Append('\n').Append(source.Text);
        return text.ToString();
    }
}
