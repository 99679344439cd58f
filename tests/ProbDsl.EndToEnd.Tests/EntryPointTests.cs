using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

/// <summary>
/// The generated entry point of a model (issue #9 item 4): <c>Entry.Create(Entry.Guide.Structured, options)</c>, Fit,
/// Save, <c>Entry.Open</c>, Evaluate, Encode, Sample; and the same for a model without a label (<c>Hier</c>).
/// </summary>
public sealed class EntryPointTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("probdsl-entry-").FullName;

    public EntryPointTests() => torch.set_num_threads(1);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_directory, name);

    private static SemiSupervisedData Data() => new(RandomSplit.Of(12, 16, 3, 1), RandomSplit.Of(80, 16, 3, 2), RandomSplit.Of(40, 16, 3, 3, dynamic: false));

    private static TrainingOptions Options => new() { Epochs = 2, BatchSize = 20, LabelledBatchSize = 4, Seed = 1, LearningRate = 1e-2, ElboEvery = 1 };

    [Fact]
    public void Create_Fit_Save_Open_then_Evaluate_gives_the_numbers_of_before_saving()
    {
        var data = Data();
        manual_seed(7);
        using var model = Entry.Create(Entry.Guide.Structured, Options);
        var epochs = 0;
        var reports = model.Fit(data, _ => epochs++);
        Assert.Equal(2, reports.Count);
        Assert.Equal(2, epochs);
        Assert.Equal(Entry.Guide.Structured, model.SelectedGuide);
        Assert.Equal("Entry / Structured", model.Name);
        Assert.Equal(EntryStructured.GuideExplanation, model.Explanation);
        manual_seed(11);
        var before = model.Evaluate(data.Test);
        model.Save(Path("entry.bin"));
        Assert.False(File.Exists(Path("entry.bin.1")));

        using var opened = Entry.Open(Entry.Guide.Structured, Path("entry.bin"));
        manual_seed(11);
        var after = opened.Evaluate(data.Test);

        Assert.Equal(before, after);
        Assert.True(double.IsFinite(before.Elbo) && before.Error is >= 0 and <= 1);
        Assert.Equal(reports, opened.Reports);
        // The last report's test error is that of the same weights.
        Assert.Equal(reports[^1].TestError, after.Error);
    }

    [Fact]
    public void A_saved_model_continues_its_run_with_ResumeFrom()
    {
        var data = Data();
        manual_seed(7);
        IReadOnlyList<EpochReport> first;
        using (var model = Entry.Create(Entry.Guide.Structured, Options))
        {
            first = model.Fit(data);
            model.Save(Path("run.bin"));
        }

        using var resumed = Entry.Create(Entry.Guide.Structured, Options with { Epochs = 3, ResumeFrom = Path("run.bin") });
        var reports = resumed.Fit(data);

        Assert.Equal(new[] { 1, 2, 3 }, reports.Select(r => r.Epoch).ToArray());
        Assert.Equal(first, reports.Take(2).ToArray());
    }

    [Fact]
    public void Encode_is_the_guide_mean_of_each_continuous_latent()
    {
        manual_seed(3);
        using var model = Entry.Create(Entry.Guide.Structured, Options);
        using var test = RandomSplit.Of(6, 16, 3, 4, dynamic: false);

        var encoded = model.Encode(test.Features);

        Assert.Equal(new[] { "z" }, encoded.Keys.ToArray());
        Assert.Equal(new long[] { 6, 2 }, encoded["z"].shape);
        using var noGrad = no_grad();
        var expected = model.Model.GuideMean("z", test.Features);
        Assert.True(expected.equal(encoded["z"]).all().ToBoolean());
        Assert.True(expected.equal(model.EncodeZ(test.Features)).all().ToBoolean());
    }

    [Fact]
    public void Sample_gives_data_means_per_label_and_the_same_samples_for_the_same_seed()
    {
        manual_seed(3);
        using var model = Entry.Create(Entry.Guide.MeanField, Options);
        var labels = tensor(new long[] { 0, 1, 2, 2, 0 });

        var first = model.Sample(labels, seed: 5);
        var again = model.Sample(labels, seed: 5);
        var other = model.Sample(labels, seed: 6);
        using var generator = new Generator(5, device: CPU);
        var fromGenerator = model.Sample(labels, generator);

        Assert.Equal(new long[] { 5, 16 }, first.shape);
        Assert.True(first.equal(again).all().ToBoolean());
        Assert.True(first.equal(fromGenerator).all().ToBoolean());
        Assert.False(first.equal(other).all().ToBoolean());
        Assert.True(first.ge(0).all().ToBoolean() && first.le(1).all().ToBoolean()); // Bernoulli probabilities
        // The noise is standard normal [B, 2], drawn in ContinuousLatents' order: GenerateMean with it is the sample.
        using var same = new Generator(5, device: CPU);
        using var noGrad = no_grad();
        Assert.True(model.Model.GenerateMean(labels, new[] { randn(new long[] { 5, 2 }, generator: same) }).equal(first).all().ToBoolean());
    }

    [Fact]
    public void Open_refuses_a_checkpoint_of_another_guide_naming_both()
    {
        manual_seed(3);
        using (var model = Entry.Create(Entry.Guide.MeanField, Options))
            model.Save(Path("meanfield.bin"));

        var error = Assert.Throws<CheckpointException>(() => Entry.Open(Entry.Guide.Structured, Path("meanfield.bin")));

        Assert.Contains("Entry / MeanField", error.Message);
        Assert.Contains("not of Entry / Structured", error.Message);
        Assert.Contains("meanfield.bin", error.Message);
    }

    [Fact]
    public void A_guide_no_model_declares_is_refused_with_the_declared_ones()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Entry.Create((Entry.Guide)7, Options));

        Assert.Contains("Entry declares the guides Structured, MeanField", error.Message);
    }

    [Fact]
    public void A_model_without_a_label_fits_saves_opens_and_evaluates_the_same()
    {
        var train = RandomSplit.Of(60, 3, 1, 4);
        var test = RandomSplit.Of(30, 3, 1, 5, dynamic: false);
        manual_seed(2);
        using var model = Hier.Create(Hier.Guide.Q, Options);
        var reports = model.Fit(train, test);
        manual_seed(9);
        var before = model.Evaluate(test);
        model.Save(Path("hier.bin"));

        using var opened = Hier.Open(Hier.Guide.Q, Path("hier.bin"));
        manual_seed(9);

        Assert.Equal(2, reports.Count);
        Assert.Equal(before, opened.Evaluate(test));
        Assert.True(double.IsFinite(before));
    }
}
