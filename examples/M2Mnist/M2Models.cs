using System;
using System.Collections.Generic;
using ProbDsl.Examples.Common;
using ProbDsl.Models;

namespace ProbDsl.Examples.M2Mnist;

/// <summary>
/// Every model and guide this example trains, each bound to its generated trainer: the command line accepts exactly
/// these names (--model, --guide) and runs what the table holds, so no code compares names. A new guide in a .pdsl
/// file is one line here.
/// </summary>
internal static class M2Models
{
    public static readonly IReadOnlyDictionary<string, M2Model> All = new Dictionary<string, M2Model>
    {
        ["M1M2"] = new("m1m2.pdsl", new Dictionary<string, Func<SemiSupervisedSettings, M1Settings, int>>
        {
            ["Structured"] = (settings, m1) => SemiSupervisedRun.Execute(settings, options => new M2OnM1StructuredTrainer(options), () => M1Stage.Features(settings, m1)),
            ["MeanField"] = (settings, m1) => SemiSupervisedRun.Execute(settings, options => new M2OnM1MeanFieldTrainer(options), () => M1Stage.Features(settings, m1)),
        })
        {
            // M2 on M1's 50 numbers is a small network that 1e-3 trains slowly: at 100 labels, seed 0, 50 epochs,
            // 3e-3 reached 93.81% where 1e-3 reached 92.78% (docs/ablation-100-labels.md). M1 keeps 1e-3.
            LearningRate = 3e-3,
        },
        ["M2"] = new("m2.pdsl", new Dictionary<string, Func<SemiSupervisedSettings, M1Settings, int>>
        {
            ["Structured"] = (settings, _) => SemiSupervisedRun.Execute(settings, options => new M2StructuredTrainer(options)),
            ["MeanField"] = (settings, _) => SemiSupervisedRun.Execute(settings, options => new M2MeanFieldTrainer(options)),
        }),
        ["M2Nuisance"] = new("m2nuisance.pdsl", new Dictionary<string, Func<SemiSupervisedSettings, M1Settings, int>>
        {
            ["MeanField"] = (settings, _) => SemiSupervisedRun.Execute(settings, options => new M2NuisanceMeanFieldTrainer(options)),
        }),
    };

    public const string DefaultModel = "M1M2";

    public const string DefaultGuide = "Structured";
}

/// <summary>
/// A model of the example: its file and its guides, the first the default when the model lacks
/// <see cref="M2Models.DefaultGuide"/>; its own default learning rate where it has one (else TrainingOptions').
/// </summary>
internal sealed record M2Model(string File, IReadOnlyDictionary<string, Func<SemiSupervisedSettings, M1Settings, int>> Guides)
{
    public double? LearningRate { get; init; }
}
