using System.IO;
using System.Linq;
using CsCheck;
using ProbDsl.Dsl;
using ProbDsl.Dsl.Ir;
using ProbDsl.Dsl.Parsing;
using ProbDsl.Dsl.Printing;

namespace ProbDsl.Dsl.Tests;

/// <summary>parse(print(ir)) == ir, for the example and for generated IRs (which need not be meaningful models).</summary>
public class RoundTripTests
{
    private static readonly string[] NamePool = { "x", "y", "z", "a", "b", "w1", "h_2", "Img", "style", "digit" };

    private static readonly Gen<string> Name = Gen.OneOfConst(NamePool);

    private static readonly Gen<double> Number = Gen.OneOf(
        Gen.Int[-1000, 1000].Select(i => (double)i),
        Gen.Double[-1e6, 1e6],
        Gen.Double[1e-9, 1e-3]);

    private static readonly Gen<ExprIr> Expression = Gen.OneOf(
        Number.Select(v => (ExprIr)new NumberExpr(v)),
        Gen.Const((ExprIr)new UniformExpr()),
        Gen.Select(Name, Name.Array[1, 3], (net, args) => (ExprIr)new NetCallExpr(net, args.ToEquatableArray())));

    /// <summary>Every parameter name of every family (each family's own list is in <see cref="DistributionFamilies"/>).</summary>
    private static readonly string?[] ParameterPool = DistributionFamilies.All.SelectMany(f => f.Parameters()).Distinct().Select(p => (string?)p).ToArray();

    private static readonly Gen<ArgumentIr> Argument =
        Gen.Select(Gen.OneOfConst(ParameterPool.Prepend(null).ToArray()), Expression, (p, e) => new ArgumentIr(p, e));

    /// <summary>Families drawn from the language's own list, so a new family is covered as soon as it exists.</summary>
    private static readonly Gen<DistributionFamily> Family = Gen.OneOfConst(DistributionFamilies.All.ToArray());

    private static readonly Gen<DistributionIr> Distribution =
        Gen.Select(Family, Argument.Array[0, 3], (f, a) => new DistributionIr(f, a.ToEquatableArray()));

    private static readonly Gen<FactorIr> Factor =
        Gen.Select(Name, Name.Array[0, 3], Distribution, (t, c, d) => new FactorIr(t, c.ToEquatableArray(), d));

    private static readonly Gen<NetIr> Net = Gen.Select(
        Name, Name.Array[1, 3], Gen.Int[1, 1000].Array[0, 3],
        Gen.Select(Name, Gen.OneOfConst(ParameterPool).Select(p => p!), Gen.Enum<HeadTransform>(), (v, p, t) => new HeadIr(v, p, t)).Array[1, 3],
        Gen.Enum<Activation>(),
        (n, i, h, heads, a) => new NetIr(n, i.ToEquatableArray(), h.ToEquatableArray(), heads.ToEquatableArray(), a));

    /// <summary>Guide factors with distinct signatures, since a factorisation lists each factor once.</summary>
    private static readonly Gen<GuideIr> Guide = Gen.Select(Name, Factor.Array[1, 3], (n, f) =>
        new GuideIr(n, f.GroupBy(x => x.Signature('q')).Select(g => g.First()).ToEquatableArray()));

    private static readonly Gen<ModelIr> Model = Gen.Select(
        Gen.Select(Name, Gen.Enum<VariableRole>(), Family, Gen.Int[1, 1000], (n, r, f, s) => new VariableIr(n, r, f, s)).Array[0, 4],
        Net.Array[0, 3], Factor.Array[0, 4], Guide.Array[0, 2],
        Gen.OneOf(
            Name.Select(v => new InferenceIr(v, InferenceStrategy.Enumerate)),
            Gen.Select(Name, Gen.Double[0.01, 10], Gen.Double[0, 1e-2], Gen.Int[1, 5000], Gen.Bool,
                (v, tau, rate, every, hard) => new InferenceIr(v, InferenceStrategy.Relax, new RelaxationIr(tau, tau / 2, rate, every, hard))),
            Gen.Select(Name, Gen.Enum<BaselineKind>(), Gen.Double[0, 0.999],
                (v, baseline, decay) => new InferenceIr(v, InferenceStrategy.Reinforce, null, new ReinforceIr(baseline, decay)))).Array[0, 2],
        Gen.Select(Gen.Enum<ObjectiveKind>(), Gen.Double[0, 100], (k, a) => new ObjectiveIr(k, a)),
        (v, n, f, g, i, o) => new ModelIr("M", v.ToEquatableArray(), n.ToEquatableArray(), f.ToEquatableArray(), g.ToEquatableArray(), i.ToEquatableArray(), o));

    [Fact]
    public void Printed_example_parses_back_to_the_same_ir()
    {
        var path = Path.Combine("Examples", "M2Mnist", "m2.pdsl");
        var original = PdslParser.Parse(File.ReadAllText(path), path).Value!;

        var reparsed = PdslParser.Parse(PdslPrinter.Print(original), "printed.pdsl");

        Assert.Empty(reparsed.Diagnostics);
        Assert.Equal(original, reparsed.Value);
    }

    [Fact]
    public void Any_ir_survives_print_then_parse()
    {
        Model.Sample(model =>
        {
            var program = new ProgramIr(EquatableArray.Create(model));
            var text = PdslPrinter.Print(program);
            var reparsed = PdslParser.Parse(text, "generated.pdsl");
            Assert.True(reparsed.Value is not null && !reparsed.HasErrors, text + "\n" + string.Join("\n", reparsed.Diagnostics));
            Assert.Equal(program, reparsed.Value);
        }, iter: 2000);
    }

    [Fact]
    public void Every_family_with_its_named_parameters_survives_print_then_parse()
    {
        foreach (var family in DistributionFamilies.All)
        {
            var arguments = family.Parameters().Select(p => new ArgumentIr(p, new NetCallExpr("f", EquatableArray.Create("x")))).ToEquatableArray();
            var model = new ModelIr("M",
                EquatableArray.Create(new VariableIr("v", VariableRole.Latent, family, 3)),
                EquatableArray<NetIr>.Empty,
                EquatableArray.Create(new FactorIr("v", EquatableArray.Create("x"), new DistributionIr(family, arguments))),
                EquatableArray<GuideIr>.Empty, EquatableArray<InferenceIr>.Empty, ObjectiveIr.Default);
            var program = new ProgramIr(EquatableArray.Create(model));

            var reparsed = PdslParser.Parse(PdslPrinter.Print(program), "family.pdsl");

            Assert.Equal(program, reparsed.Value);
        }
    }
}
