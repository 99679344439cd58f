using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;
using Sprache;

namespace ProbDsl.Dsl.Parsing;

/// <summary>Tokens of the .pdsl language: whitespace and comments, identifiers, keywords, numbers, symbols.</summary>
internal static class Lexical
{
    /// <summary>
    /// Up to the end of the line, wherever a line ends (<see cref="LinePositions"/>): an editor shows what follows a
    /// lone \r or a U+2028 on the next line, so the compiler must not read it as part of the comment.
    /// </summary>
    private static readonly Parser<string> LineComment =
        from start in Parse.String("//")
        from body in Parse.AnyChar.Except(Parse.Chars('\n', '\r', '\u0085', '\u2028', '\u2029')).Many()
        select "";

    private static readonly Parser<string> BlockComment =
        from start in Parse.String("/*")
        from body in Parse.AnyChar.Until(Parse.String("*/"))
        select "";

    /// <summary>Whitespace and comments between tokens.</summary>
    public static readonly Parser<string> Trivia =
        Parse.WhiteSpace.Once().Return("").Or(LineComment).Or(BlockComment).Many().Return("");

    /// <summary>A token: the text, then any trivia after it (the file rule skips leading trivia once).</summary>
    public static Parser<T> Tok<T>(this Parser<T> parser) =>
        from value in parser
        from trailing in Trivia
        select value;

    public static readonly Parser<string> RawIdentifier =
        from first in Parse.Letter.Or(Parse.Char('_'))
        from rest in Parse.LetterOrDigit.Or(Parse.Char('_')).Many().Text()
        select first + rest;

    public static readonly Parser<string> Identifier = RawIdentifier.Named("identifier").Tok();

    /// <summary>A keyword is an identifier with that text; failing does not consume input, so XOr can try the next rule.</summary>
    public static Parser<string> Word(string word) =>
        RawIdentifier.Where(id => id == word).Named($"'{word}'");

    public static Parser<string> Keyword(string word) => Word(word).Tok();

    public static Parser<char> Sym(char c) => Parse.Char(c).Named($"'{c}'");

    public static Parser<char> Symbol(char c) => Sym(c).Tok();

    /// <summary>
    /// An optional <c>( item, item, ... )</c>: absent gives no items; once '(' is read, an error inside is reported
    /// where it happens (XOptional) instead of backtracking to a confusing one after the list.
    /// </summary>
    public static Parser<IEnumerable<T>> OptionalList<T>(Parser<T> item) =>
        Symbol('(').Then(_ => item.XDelimitedBy(Symbol(','))).Then(items => Symbol(')').Return(items))
            .XOptional().Select(items => items.GetOrElse(Enumerable.Empty<T>()));

    public static readonly Parser<string> Arrow = Parse.String("->").Text().Named("'->'").Tok();

    public static readonly Parser<int> Integer =
        Parse.Digit.AtLeastOnce().Text().Converted<int>(NumberLiterals.TryInt32).Named("integer").Tok();

    public static readonly Parser<double> RawNumber =
        (from sign in Parse.Char('-').Optional()
         from digits in Parse.Digit.AtLeastOnce().Text()
         from fraction in Parse.Char('.').Then(_ => Parse.Digit.AtLeastOnce().Text()).Optional()
         from exponent in Parse.Chars('e', 'E')
             .Then(_ => Parse.Chars('+', '-').Optional().Then(s => Parse.Digit.AtLeastOnce().Text()
                 .Select(d => (s.IsDefined ? s.Get().ToString() : "") + d)))
             .Optional()
         select (sign.IsDefined ? "-" : "") + digits
             + (fraction.IsDefined ? "." + fraction.Get() : "")
             + (exponent.IsDefined ? "e" + exponent.Get() : ""))
        .Converted<double>(NumberLiterals.TryFiniteDouble)
        .Named("number");

    public delegate bool TryConvert<T>(string text, out T value);

    /// <summary>
    /// The text converted to a value; text the conversion refuses (a number out of range) fails where it started,
    /// without consuming it, instead of throwing from inside the grammar. The parser reports it as PDSL0002.
    /// </summary>
    public static Parser<T> Converted<T>(this Parser<string> parser, TryConvert<T> convert) => input =>
    {
        var text = parser(input);
        if (!text.WasSuccessful)
            return Result.Failure<T>(text.Remainder, text.Message, text.Expectations);
        return convert(text.Value, out var value)
            ? Result.Success(value, text.Remainder)
            : Result.Failure<T>(input, $"'{text.Value}' is out of range", new[] { "a number in range" });
    };

    /// <summary>A token with the span of its own text (trailing trivia is consumed but not part of the span).</summary>
    public static Parser<(T Value, SourceSpan Span)> Located<T>(this Parser<T> parser) =>
        from spanned in parser.Spanned()
        from trailing in Trivia
        select spanned;

    /// <summary>
    /// Sprache's Span(), with lines and columns counted as Roslyn counts them (see <see cref="LinePositions"/>);
    /// Sprache's own count only \n.
    /// </summary>
    private static Parser<(T Value, SourceSpan Span)> Spanned<T>(this Parser<T> parser) => input =>
    {
        var result = parser(input);
        if (!result.WasSuccessful)
            return Result.Failure<(T, SourceSpan)>(result.Remainder, result.Message, result.Expectations);
        var span = LinePositions.Of(input.Source).Span(input.Position, result.Remainder.Position - input.Position);
        return Result.Success((result.Value, span), result.Remainder);
    };

    public static NodeMeta Meta(SourceSpan span) => new(span);

    public static EquatableArray<string> Names(this System.Collections.Generic.IEnumerable<(string Value, SourceSpan Span)> items) =>
        items.Select(i => i.Value).ToEquatableArray();
}
