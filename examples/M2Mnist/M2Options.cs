using System;
using System.CommandLine;
using System.Linq;
using ProbDsl.Examples.Common;

namespace ProbDsl.Examples.M2Mnist;

/// <summary>The example's command line: the shared semi-supervised options plus which M2 model and guide to train (<see cref="M2Models"/>).</summary>
internal sealed class M2Options
{
    private readonly SemiSupervisedOptions _training = new("m2.pdsl");
    private readonly Option<string> _guide = new("--guide") { Description = "Guide declared in m2.pdsl: Structured (q(z|x,y) q(y|x)) or MeanField (q(z|x) q(y|x)).", DefaultValueFactory = _ => M2Models.DefaultGuide };
    private readonly Option<string> _model = new("--model") { Description = "M2 (m2.pdsl) or M2Nuisance (m2nuisance.pdsl: a second, binary discrete latent; guide MeanField).", DefaultValueFactory = _ => M2Models.DefaultModel };

    public void AddTo(RootCommand root)
    {
        _training.AddTo(root, _model, _guide);
        _model.AcceptOnlyFromAmong(M2Models.All.Keys.ToArray());
        _guide.AcceptOnlyFromAmong(M2Models.All.Values.SelectMany(model => model.Guides.Keys).Distinct().ToArray());
        root.Validators.Add(result =>
        {
            var guide = result.GetResult(_guide);
            if (guide is { Implicit: false } && result.GetValue(_model) is { } name && M2Models.All.TryGetValue(name, out var model)
                && result.GetValue(_guide) is { } chosen && !model.Guides.ContainsKey(chosen))
                result.AddError($"--guide {chosen}: {name} ({model.File}) declares {string.Join(" and ", model.Guides.Keys)} only.");
        });
    }

    public M2Settings Read(ParseResult parsed)
    {
        var model = M2Models.All[parsed.GetValue(_model)!];
        var guide = parsed.GetValue(_guide)!;
        // A model without the default guide trains its own first one (M2Nuisance: MeanField); an explicit --guide it
        // does not declare was refused above.
        var train = model.Guides.TryGetValue(guide, out var run) ? run : model.Guides.Values.First();
        return new M2Settings(_training.Read(parsed), train);
    }
}

/// <summary>The run the command line chose: the training settings and the generated trainer of the chosen model and guide.</summary>
internal sealed record M2Settings(SemiSupervisedSettings Training, Func<SemiSupervisedSettings, int> Train);
