using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ProbDsl.Dsl;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// C# files with one to three [ProbModel] chains: the corpus models written as fluent calls, mostly mutated, some
/// made up call by call, some models renamed so that targets collide; now and then the C# text itself is mutated
/// (syntax errors the generator must survive) or a .pdsl file with a colliding model is in the same build.
/// </summary>
internal static class FluentInputs
{
    private static readonly Lazy<ImmutableArray<ModelIr>> Models = new(() =>
        Corpus.Pdsl.SelectMany(text => PdslCompiler.Compile(text, "corpus.pdsl").Value?.Models ?? EquatableArray<ModelIr>.Empty).ToImmutableArray());

    public static FuzzInput Next(Random random)
    {
        var chains = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Chain(random)).ToList();
        var text = CSharpTargets.File(chains, random);
        if (random.Next(8) == 0)
            text = PdslMutator.Mutate(text, random);
        var input = FuzzInput.OfCSharp(text);
        if (random.Next(10) == 0)
        {
            var pdsl = PdslMutator.RenameModels(Corpus.Any(random), random, MultiFileInputs.CollidingNames);
            input = input with { Pdsl = ImmutableArray.Create(new FuzzFile("/m/a.pdsl", pdsl)) };
        }
        return input;
    }

    private static string Chain(Random random)
    {
        var calls = random.Next(10) == 0 ? MadeUp(random) : FluentChainWriter.Calls(Model(random), random);
        if (random.Next(4) != 0)
            calls = FluentMutator.Mutate(calls, random);
        return string.Join("\n        ", calls);
    }

    private static ModelIr Model(Random random)
    {
        var model = Models.Value[random.Next(Models.Value.Length)];
        return random.Next(3) == 0 ? model with { Name = MultiFileInputs.CollidingNames[random.Next(MultiFileInputs.CollidingNames.Length)] } : model;
    }

    private static List<string> MadeUp(Random random) =>
        Enumerable.Range(0, random.Next(0, 12)).Select(_ => FluentMutator.RandomCall(random))
            .Prepend($"Model.Define({FluentArguments.Like(FluentArguments.Strings, random)})").ToList();
}
