using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;
using Sprache;
using static ProbDsl.Dsl.Parsing.Lexical;

namespace ProbDsl.Dsl.Parsing;

/// <summary>
/// The .pdsl grammar, bottom-up (see docs/language.md for the EBNF). Declarations start with distinct
/// keywords and are combined with XOr/XMany so that an error is reported where it happened.
/// </summary>
internal static class PdslGrammar
{
    private static readonly Parser<(string Value, SourceSpan Span)> Name = RawIdentifier.Named("identifier").Located();

    private static readonly Parser<IEnumerable<(string Value, SourceSpan Span)>> NameList =
        Name.DelimitedBy(Symbol(','));

    // ---- variables: data x : Bernoulli[784]

    private static readonly Parser<VariableRole> Role =
        Word("data").Return(VariableRole.Data)
            .XOr(Word("label").Return(VariableRole.Label))
            .XOr(Word("latent").Return(VariableRole.Latent));

    private static readonly Parser<DistributionFamily> Family =
        RawIdentifier.Where(id => DistributionFamilies.TryParse(id, out _))
            .Select(id => { DistributionFamilies.TryParse(id, out var f); return f; })
            .Named($"distribution ({string.Join(", ", DistributionFamilies.All)})");

    private static readonly Parser<Declaration> VariableDecl =
        from role in Role.Located()
        from name in Name
        from colon in Symbol(':')
        from family in Family.Tok()
        from open in Symbol('[')
        from size in Integer
        from close in Sym(']').Located()
        let span = SourceSpan.Merge(role.Span, close.Span)
        select new VariableDeclaration(
            new VariableIr(name.Value, role.Value, family, size) { Meta = Meta(name.Span) }, span);

    // ---- networks: net encoder = mlp(x, y -> 500 -> z.loc, softplus(z.scale), act: softplus)

    private static readonly Parser<HeadIr> PlainHead =
        from head in (from variable in RawIdentifier
                      from dot in Sym('.')
                      from parameter in RawIdentifier
                      select (variable, parameter)).Located()
        select new HeadIr(head.Value.variable, head.Value.parameter, HeadTransform.None) { Meta = Meta(head.Span) };

    private static readonly Parser<HeadTransform> Transform =
        Word("softplus").Return(HeadTransform.Softplus).Or(Word("exp").Return(HeadTransform.Exp));

    private static readonly Parser<HeadIr> TransformedHead =
        from transform in Transform.Located()
        from open in Symbol('(')
        from head in PlainHead
        from close in Sym(')').Located()
        select head with { Transform = transform.Value, Meta = Meta(SourceSpan.Merge(transform.Span, close.Span)) };

    private static readonly Parser<HeadIr> Head = TransformedHead.Or(PlainHead).Named("network head such as 'z.loc'");

    private static readonly Parser<Activation> ActivationName =
        Word("softplus").Return(Activation.Softplus)
            .Or(Word("relu").Return(Activation.Relu))
            .Or(Word("tanh").Return(Activation.Tanh))
            .Named("activation (softplus, relu, tanh)").Tok();

    private static readonly Parser<Activation> ActivationOption =
        from comma in Symbol(',')
        from act in Keyword("act")
        from colon in Symbol(':')
        from activation in ActivationName
        select activation;

    private static readonly Parser<Declaration> NetDecl =
        from keyword in Word("net").Located()
        from name in Name
        from eq in Symbol('=')
        from mlp in Keyword("mlp")
        from open in Symbol('(')
        from inputs in NameList
        from hidden in Arrow.Then(_ => Integer).Many()
        from arrow in Arrow
        from heads in Head.DelimitedBy(Symbol(','))
        from activation in ActivationOption.XOptional()
        from close in Sym(')').Located()
        select new NetDeclaration(
            new NetIr(name.Value, inputs.Names(), hidden.ToEquatableArray(), heads.ToEquatableArray(),
                activation.GetOrElse(Activation.Softplus)) { Meta = Meta(name.Span) },
            SourceSpan.Merge(keyword.Span, close.Span));

    // ---- distributions: Normal(loc: 0, scale: 1), Categorical(uniform), Normal(encoder(x, y))

    private static readonly Parser<ExprIr> NetCall =
        from call in (from net in RawIdentifier.Tok()
                      from open in Symbol('(')
                      from args in NameList
                      from close in Sym(')')
                      select new NetCallExpr(net, args.Names())).Located()
        select (ExprIr)(call.Value with { Meta = Meta(call.Span) });

    private static readonly Parser<ExprIr> Expression =
        RawNumber.Located().Select(n => (ExprIr)new NumberExpr(n.Value) { Meta = Meta(n.Span) })
            .Or(Word("uniform").Located().Select(u => (ExprIr)new UniformExpr { Meta = Meta(u.Span) }))
            .Or(NetCall)
            .Named("a number, 'uniform' or a network call");

    private static readonly Parser<ArgumentIr> NamedArgument =
        from name in Name
        from colon in Symbol(':')
        from value in Expression
        select new ArgumentIr(name.Value, value) { Meta = Meta(SourceSpan.Merge(name.Span, value.Meta.Span)) };

    private static readonly Parser<ArgumentIr> Argument =
        NamedArgument.Or(Expression.Select(e => new ArgumentIr(null, e) { Meta = e.Meta }));

    private static readonly Parser<DistributionIr> Distribution =
        from family in Family.Located()
        from open in Symbol('(')
        // X-variants: a bad argument after a comma (a number out of range) is reported where it is, not as a missing ')'.
        from args in Argument.XDelimitedBy(Symbol(',')).XOptional()
        from close in Sym(')').Located()
        select new DistributionIr(family.Value, args.GetOrElse(Enumerable.Empty<ArgumentIr>()).ToEquatableArray())
        { Meta = Meta(SourceSpan.Merge(family.Span, close.Span)) };

    // ---- factors: p(x | y, z) = ..., q(z | x, y) = ...

    private static Parser<FactorSignature> Signature(string density) =>
        from keyword in Word(density).Located()
        from open in Symbol('(')
        from target in Name
        from conditions in Symbol('|').Then(_ => NameList).Optional()
        from close in Sym(')').Located()
        select new FactorSignature(target.Value,
            conditions.GetOrElse(Enumerable.Empty<(string, SourceSpan)>()).Select(c => c.Item1).ToList(),
            SourceSpan.Merge(keyword.Span, close.Span));

    private static Parser<FactorIr> Factor(string density) =>
        from signature in Signature(density)
        from eq in Symbol('=')
        from distribution in Distribution
        select new FactorIr(signature.Target, signature.Conditions.ToEquatableArray(), distribution)
        { Meta = Meta(signature.Span) };

    private static readonly Parser<Declaration> ModelFactorDecl =
        Factor("p").Select(f => (Declaration)new FactorDeclaration(f, SourceSpan.Merge(f.Meta.Span, f.Distribution.Meta.Span)));

    // ---- guides: guide Structured = q(z | x,y) q(y | x) { q(y | x) = ...  q(z | x,y) = ... }

    private static readonly Parser<Declaration> GuideDecl =
        from keyword in Word("guide").Located()
        from name in Name
        from eq in Symbol('=')
        from factorisation in Signature("q").AtLeastOnce()
        from open in Symbol('{')
        from bodies in Factor("q").XMany()
        from close in Sym('}').Located()
        select new GuideDeclaration(name.Value, name.Span, factorisation.ToList(), bodies.ToList(),
            SourceSpan.Merge(keyword.Span, close.Span));

    // ---- infer y by enumerate

    private static readonly Parser<RelaxOption> RelaxOptionRule =
        (from name in Word("tau").Located()
         from colon in Symbol(':')
         from start in RawNumber.Tok()
         from end in Arrow.Then(_ => RawNumber.Tok()).Optional()
         select new RelaxOption("tau", start, end.IsDefined ? end.Get() : start, name.Span))
        .Or(from name in Word("rate").Located()
            from colon in Symbol(':')
            from value in RawNumber.Tok()
            select new RelaxOption("rate", value, value, name.Span))
        .Or(from name in Word("every").Located()
            from colon in Symbol(':')
            from value in RawNumber.Tok()
            select new RelaxOption("every", value, value, name.Span))
        .Or(Word("hard").Located().Select(h => new RelaxOption("hard", 1, 1, h.Span)))
        .Named("relax option (tau: a -> b, rate: r, every: n, hard)");

    /// <summary>Each option is an edit of the settings, applied in order to the defaults: later options win.</summary>
    private static readonly Parser<Func<ReinforceIr, ReinforceIr>> ReinforceOptionRule =
        (from name in Word("baseline").Tok()
         from colon in Symbol(':')
         from kind in Word("average").Return(BaselineKind.Average)
             .Or(Word("none").Return(BaselineKind.None))
             .Or(Word("learned").Return(BaselineKind.Learned))
             .Named("baseline ('average', 'learned' or 'none')").Tok()
         select (Func<ReinforceIr, ReinforceIr>)(r => r with { Baseline = kind }))
        .Or(from name in Word("decay").Tok()
            from colon in Symbol(':')
            from value in RawNumber.Tok()
            select (Func<ReinforceIr, ReinforceIr>)(r => r with { Decay = value }))
        .Named("reinforce option (baseline: average|learned|none, decay: d)");

    private static readonly Parser<(InferenceStrategy Strategy, RelaxationIr? Relaxation, ReinforceIr? Reinforce)> Strategy =
        Word("enumerate").Tok().Return((InferenceStrategy.Enumerate, (RelaxationIr?)null, (ReinforceIr?)null))
            .Or(from relax in Word("relax").Tok()
                from options in OptionalList(RelaxOptionRule)
                select (InferenceStrategy.Relax, (RelaxationIr?)RelaxOption.Build(options), (ReinforceIr?)null))
            .Or(from reinforce in Word("reinforce").Located()
                from options in OptionalList(ReinforceOptionRule)
                select (InferenceStrategy.Reinforce, (RelaxationIr?)null,
                    (ReinforceIr?)(options.Aggregate(ReinforceIr.Default, (settings, edit) => edit(settings)) with { Meta = Meta(reinforce.Span) })))
            .Named("inference strategy ('enumerate', 'relax(...)' or 'reinforce(...)')");

    private static readonly Parser<Declaration> InferDecl =
        from keyword in Word("infer").Located()
        from variable in Name
        from byWord in Keyword("by")
        from strategy in Strategy.Located()
        select new InferDeclaration(
            new InferenceIr(variable.Value, strategy.Value.Strategy, strategy.Value.Relaxation, strategy.Value.Reinforce) { Meta = Meta(variable.Span) },
            SourceSpan.Merge(keyword.Span, strategy.Span));

    // ---- objective semisupervised(alpha: 0.1)

    private static readonly Parser<ObjectiveKind> ObjectiveName =
        Word("semisupervised").Return(ObjectiveKind.SemiSupervised)
            .Or(Word("elbo").Return(ObjectiveKind.Elbo))
            .Named("objective ('semisupervised' or 'elbo')");

    private static readonly Parser<ObjectiveOption> OptionValue =
        from name in Name
        from colon in Symbol(':')
        from value in RawNumber.Located()
        select new ObjectiveOption(name.Value, value.Value, SourceSpan.Merge(name.Span, value.Span));

    private static readonly Parser<Declaration> ObjectiveDecl =
        from keyword in Word("objective").Located()
        from kind in ObjectiveName.Located()
        from options in OptionalList(OptionValue)
        select new ObjectiveDeclaration(kind.Value, options.ToList(),
            SourceSpan.Merge(keyword.Span, kind.Span));

    // ---- models and files

    private static readonly Parser<Declaration> DeclarationRule =
        VariableDecl.XOr(NetDecl).XOr(ModelFactorDecl).XOr(GuideDecl).XOr(InferDecl).XOr(ObjectiveDecl)
            .Named("declaration (data, label, latent, net, p(...), guide, infer, objective)");

    private static readonly Parser<ModelDeclaration> Model =
        from keyword in Word("model").Located()
        from name in Name
        from open in Symbol('{')
        from declarations in DeclarationRule.XMany()
        from close in Sym('}').Named("a declaration (data, label, latent, net, p(...), guide, infer, objective) or '}'").Located()
        select new ModelDeclaration(name.Value, name.Span, declarations.ToList(), SourceSpan.Merge(keyword.Span, close.Span));

    public static readonly Parser<IReadOnlyList<ModelDeclaration>> File =
        from leading in Trivia
        from models in Model.XMany()
        from end in Parse.End(Trivia)
        select (IReadOnlyList<ModelDeclaration>)models.ToList();
}
