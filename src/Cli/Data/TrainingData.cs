using System;
using ProbDsl.Inference.Training;

namespace ProbDsl.Cli.Data;

/// <summary>
/// The data a run trains on, in the form its trainer takes: labelled, unlabelled and test splits for a model with
/// a label; training and test splits for one without. Owns the tensors.
/// </summary>
internal sealed class TrainingData : IDisposable
{
    private TrainingData(SemiSupervisedData? semiSupervised, DataSplit? train, DataSplit? test, string description)
    {
        SemiSupervised = semiSupervised;
        Train = train;
        Test = test;
        Description = description;
    }

    public static TrainingData ForLabel(SemiSupervisedData data, string description) => new(data, null, null, description);

    public static TrainingData WithoutLabel(DataSplit train, DataSplit test, string description) => new(null, train, test, description);

    public SemiSupervisedData? SemiSupervised { get; }

    public DataSplit? Train { get; }

    public DataSplit? Test { get; }

    /// <summary>One line for the console and the results: where the data came from and how it was split.</summary>
    public string Description { get; }

    public SemiSupervisedData RequireSemiSupervised() =>
        SemiSupervised ?? throw new InvalidOperationException("This model has a label, but the data were loaded without one.");

    public (DataSplit Train, DataSplit Test) RequireUnsupervised() =>
        Train is not null && Test is not null ? (Train, Test) : throw new InvalidOperationException("This model has no label, but the data were loaded with one.");

    public void Dispose()
    {
        SemiSupervised?.Labelled.Dispose();
        SemiSupervised?.Unlabelled.Dispose();
        SemiSupervised?.Test.Dispose();
        Train?.Dispose();
        Test?.Dispose();
    }
}
