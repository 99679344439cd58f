using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using ProbDsl.Examples.Common;

namespace ProbDsl.Examples.M2Mnist;

/// <summary>The example's command line: the shared semi-supervised options plus which model and guide to train (<see cref="M2Models"/>) and M1's epochs.</summary>
internal sealed class M2Options
{
    private readonly SemiSupervisedOptions _training = new("the model's .pdsl file");
    private readonly Option<string> _guide = new("--guide") { Description = "Guide of the model: Structured (q(z|x,y) q(y|x)) or MeanField (q(z|x) q(y|x)).", DefaultValueFactory = _ => M2Models.DefaultGuide };
    private readonly Option<string> _model = new("--model")
    {
        Description = "M1M2 (m1m2.pdsl: Kingma et al.'s stack, M2 trained on the code of a VAE M1 trained first), M2 (m2.pdsl: M2 on the pixels) or M2Nuisance (m2nuisance.pdsl: a second, binary discrete latent; guide MeanField).",
        DefaultValueFactory = _ => M2Models.DefaultModel,
    };
    private readonly Option<int> _m1Epochs = new("--m1-epochs") { Description = "With --model M1M2: epochs of M1, trained on the images without labels before M2 (100 did no better than 30 at 100 labels).", DefaultValueFactory = _ => 30 };

    public void AddTo(RootCommand root)
    {
        _training.AddTo(root, _model, _guide, _m1Epochs);
        _model.AcceptOnlyFromAmong(M2Models.All.Keys.ToArray());
        _guide.AcceptOnlyFromAmong(M2Models.All.Values.SelectMany(model => model.Guides.Keys).Distinct().ToArray());
        OptionRules.Positive(_m1Epochs);
        var rates = string.Join(", ", M2Models.All.Select(model => InvariantText.Of($"{model.Key} {LearningRateOf(model.Value)}")));
        _training.LearningRate.Description = $"Adam learning rate of M2; by default each model's own: {rates}.";
        _training.LearningRate.DefaultValueFactory = _ => LearningRateOf(M2Models.All[M2Models.DefaultModel]);
        root.Validators.Add(result =>
        {
            var guide = result.GetResult(_guide);
            if (guide is { Implicit: false } && result.GetValue(_model) is { } name && M2Models.All.TryGetValue(name, out var model)
                && result.GetValue(_guide) is { } chosen && !model.Guides.ContainsKey(chosen))
                result.AddError($"--guide {chosen}: {name} ({model.File}) declares {string.Join(" and ", model.Guides.Keys)} only.");
            if (result.GetResult(_m1Epochs) is { Implicit: false } && result.GetValue(_model) != "M1M2")
                result.AddError($"--m1-epochs: only --model M1M2 trains M1; --model {result.GetValue(_model)} does not.");
        });
    }

    public M2Settings Read(ParseResult parsed)
    {
        var model = M2Models.All[parsed.GetValue(_model)!];
        var guide = parsed.GetValue(_guide)!;
        // A model without the default guide trains its own first one (M2Nuisance: MeanField); an explicit --guide it
        // does not declare was refused above.
        var train = model.Guides.TryGetValue(guide, out var run) ? run : model.Guides.Values.First();
        var training = _training.Read(parsed);
        if (parsed.GetResult(_training.LearningRate) is null or { Implicit: true })
            training = training with { Training = training.Training with { LearningRate = LearningRateOf(model) } };
        return new M2Settings(training, new M1Settings(parsed.GetValue(_m1Epochs), M1Checkpoint(training.Training.CheckpointPath, training.Training.ResumeFrom)), train);
    }

    private static double LearningRateOf(M2Model model) => model.LearningRate ?? new Inference.Training.TrainingOptions().LearningRate;

    /// <summary>
    /// M1's checkpoint sits beside M2's, named m1-NAME: written whenever M2's is, found again by --resume (a file:
    /// beside it; a directory: the m1-* file in it). Without either, M1 lives in memory only.
    /// </summary>
    private static string? M1Checkpoint(string? checkpoint, string? resume)
    {
        if ((checkpoint ?? (File.Exists(resume) ? resume : null)) is { } file)
            return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "m1-" + Path.GetFileName(file));
        if (resume is null)
            return null;
        return Directory.GetFiles(resume, "m1-*").Where(path => !path.EndsWith(".tmp", StringComparison.Ordinal)).Order().FirstOrDefault()
            ?? Path.Combine(resume, "m1-model.ckpt");
    }
}

/// <summary>The run the command line chose: the training settings, M1's (for M1+M2), and the generated trainer of the chosen model and guide.</summary>
internal sealed record M2Settings(SemiSupervisedSettings Training, M1Settings M1, Func<SemiSupervisedSettings, M1Settings, int> Train);
