using System;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// C# argument expressions for fluent calls, by the parameter type they stand in for: constants in every spelling
/// the generator must read (literals, consts, enum members, casts, collection expressions), values the API must
/// reject (invalid names, out-of-range enums, NaN), and expressions that are not constants at all.
/// The class around the chain declares the members used here (see <see cref="CSharpTargets"/>).
/// </summary>
internal static class FluentArguments
{
    public static readonly string[] Strings =
    {
        "\"x\"", "\"y\"", "\"z\"", "\"b\"", "\"encoder\"", "\"decoder\"", "\"classifier\"", "\"z.loc\"", "\"z.scale\"",
        "\"y.logits\"", "\"x.logits\"", "\"\"", "\" \"", "\"x.y.z\"", "\"1x\"", "\"é\"", "\"_\"", "\"class\"",
        "\"Foo_bar\"", "\"FooBar\"", "\"x\\0\"", "\"\\u202E\"", "\"x\\n\"", "null", "default", "Name", "Text",
        "\"x\" + \"y\"", "Name + \"1\"", "$\"{Name}\"", "nameof(Models)", "ReadOnlyName", "string.Empty", "\"x\".ToString()",
        "(string)null", "@\"x\"", "\"\"\"z\"\"\"",
    };

    public static readonly string[] Ints =
    {
        "0", "1", "2", "3", "10", "784", "-1", "int.MaxValue", "int.MinValue", "100000001", "Width", "'a'", "(int)1e9",
        "1 << 30", "sizeof(long)", "checked(2 * 3)", "0x10", "1_000", "ReadOnlyWidth", "new System.Random().Next()",
        "(int)Family", "default",
    };

    public static readonly string[] Doubles =
    {
        "0", "1", "0.5", "-1", "1e-3", "1e308", "1e-320", "-0.0", "double.NaN", "double.PositiveInfinity",
        "double.Epsilon", "double.MaxValue", "5f", "Alpha", "'a'", "1 / 3.0", "System.Math.PI", "ReadOnlyAlpha",
    };

    public static readonly string[] Families =
    {
        "DistributionFamily.Normal", "DistributionFamily.Bernoulli", "DistributionFamily.Categorical",
        "DistributionFamily.LogNormal", "DistributionFamily.Beta", "DistributionFamily.OneHotCategorical",
        "DistributionFamily.RelaxedOneHotCategorical", "(DistributionFamily)99", "(DistributionFamily)(-1)",
        "default", "0", "Family",
    };

    public static readonly string[] Transforms = { "HeadTransform.None", "HeadTransform.Softplus", "HeadTransform.Exp", "(HeadTransform)7", "default" };

    public static readonly string[] Activations = { "Activation.Softplus", "Activation.Relu", "Activation.Tanh", "(Activation)42" };

    public static readonly string[] Baselines = { "BaselineKind.None", "BaselineKind.Average", "BaselineKind.Learned", "(BaselineKind)3" };

    public static readonly string[] StringArrays =
    {
        "[]", "[\"x\"]", "[\"x\", \"y\"]", "[\"y\", \"z\"]", "new[] { \"x\" }", "new string[0]", "new string[] { null }",
        "null", "[Name]", "[ReadOnlyName]", "Names", "[\"x\", \"x\"]",
    };

    public static readonly string[] Bools = { "true", "false", "default", "Flag" };

    /// <summary>An argument from the pool, or of any kind (a type mismatch, so C# errors too) now and then.</summary>
    public static string Like(string[] pool, Random random) =>
        random.Next(20) == 0 ? Any(random) : pool[random.Next(pool.Length)];

    public static string Any(Random random)
    {
        var pools = new[] { Strings, Ints, Doubles, Families, Transforms, Activations, Baselines, StringArrays, Bools };
        var pool = pools[random.Next(pools.Length)];
        return pool[random.Next(pool.Length)];
    }
}
