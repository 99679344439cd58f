using System.Collections.Immutable;
using System.Linq;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;
using Sprache;

namespace ProbDsl.Dsl.Parsing;

/// <summary>
/// Parses .pdsl text into IR. Syntax errors become PDSL0001 diagnostics at the exact place parsing stopped; a
/// number literal out of range stops parsing too, and is reported there as PDSL0002.
/// </summary>
public static class PdslParser
{
    public static DslResult<ProgramIr> Parse(string text, string filePath)
    {
        var result = PdslGrammar.File.TryParse(text);
        if (!result.WasSuccessful)
            return new DslResult<ProgramIr>(null, ImmutableArray.Create(SyntaxError(result, text, filePath)));

        var diagnostics = ImmutableArray.CreateBuilder<DslDiagnostic>();
        var models = result.Value.Select(m => ModelAssembler.Assemble(m, filePath, diagnostics)).ToEquatableArray();
        return new DslResult<ProgramIr>(new ProgramIr(models), diagnostics.ToImmutable());
    }

    private static DslDiagnostic SyntaxError(IResult<System.Collections.Generic.IReadOnlyList<ModelDeclaration>> failure, string text, string filePath)
    {
        var at = failure.Remainder;
        var lines = LinePositions.Of(text);
        var span = lines.Span(at.Position, at.AtEnd ? 0 : 1);
        if (!at.AtEnd && NumberLiterals.OutOfRange(text, at.Position) is { } number)
            return DiagnosticDescriptors.NumberOutOfRange.Create(filePath, lines.Span(at.Position, number.Literal.Length), number.Literal, number.Reason);
        var found = at.AtEnd ? "end of input" : $"'{Describe(text, at.Position)}'";
        var expected = failure.Expectations.Distinct().ToList();
        var message = expected.Count == 0
            ? $"unexpected {found}"
            : $"unexpected {found}; expected {string.Join(" or ", expected)}";
        return DiagnosticDescriptors.SyntaxError.Create(filePath, span, message);
    }

    /// <summary>The offending token: a word if one starts there, else the single character.</summary>
    private static string Describe(string text, int position)
    {
        var end = position;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            end++;
        return end > position ? text.Substring(position, end - position) : text[position].ToString();
    }
}
