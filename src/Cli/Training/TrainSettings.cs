using ProbDsl.Cli.Data;
using ProbDsl.Inference.Training;

namespace ProbDsl.Cli.Training;

/// <summary>A training run as the command line chose it: which model and guide, the data, the options, where results go.</summary>
/// <param name="GradientVariance">When to measure the guide's gradient variance (null: never).</param>
/// <param name="Stack">Train on the code of another model of the file, trained first (<see cref="StackedModel"/>); null: on the data.</param>
/// <param name="StepLines">Print a plain progress line inside each epoch even when not on a terminal (for `probdsl compare`).</param>
internal sealed record TrainSettings(
    string File,
    string? Model,
    string? Guide,
    bool Hoisting,
    string? Infer,
    DataRequest Data,
    TrainingOptions Options,
    int Threads,
    string? OutDirectory,
    bool StepLines = false,
    GradientVarianceSteps? GradientVariance = null,
    StackRequest? Stack = null);
