using System;
using System.CommandLine;
using System.IO;
using ProbDsl.Datasets;
using ProbDsl.Examples.Common;
using ProbDsl.Examples.M2Mnist;
using ProbDsl.Inference.Training;

namespace ProbDsl.Examples.Tests;

/// <summary>
/// Issue #9: one home for every training default (<see cref="TrainingOptions"/>), and the examples choose models and
/// guides from tables of generated trainers, not by comparing strings.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class DefaultsAndChoicesTests
{
    [Fact]
    public void The_semi_supervised_command_line_defaults_are_TrainingOptions_own()
    {
        var options = new SemiSupervisedOptions("m2.pdsl");
        var root = new RootCommand();
        options.AddTo(root);

        var settings = options.Read(root.Parse(Array.Empty<string>()));

        Assert.Equal("100 labels, pixels Dynamic", settings.Training.DataDescription);
        Assert.Equal(new TrainingOptions { DataDescription = settings.Training.DataDescription }, settings.Training);
        Assert.Equal(1e-3, settings.Training.LearningRate);
        Assert.Equal(5, settings.Training.ElboEvery);
    }

    [Fact]
    public void Named_choices_become_typed_values()
    {
        var options = new SemiSupervisedOptions("m2.pdsl");
        var root = new RootCommand();
        options.AddTo(root);

        var settings = options.Read(root.Parse(["--labelled-schedule", "interleaved", "--pixels", "threshold", "--elbo-every", "2"]));

        Assert.Equal(LabelledSchedule.Interleaved, settings.Training.LabelledSchedule);
        Assert.Equal(PixelEncoding.Binarized, settings.Pixels);
        Assert.Equal(2, settings.Training.ElboEvery);
    }

    [Fact]
    public void A_guide_the_chosen_model_does_not_declare_is_refused_naming_the_option()
    {
        var (exit, _, error) = ConsoleCapture.Run(() => M2Command.Run(["--model", "M2Nuisance", "--guide", "Structured"]));

        Assert.Equal(2, exit);
        Assert.StartsWith("error: --guide Structured: M2Nuisance (m2nuisance.pdsl) declares MeanField only.", error);
    }

    [Fact]
    public void A_model_without_the_default_guide_trains_its_own_when_no_guide_is_given()
    {
        // The command line is accepted: the run gets as far as loading MNIST from the (missing) directory.
        var missing = Path.Combine(AppContext.BaseDirectory, "no-such-mnist-directory");
        var (exit, output, error) = ConsoleCapture.Run(() => M2Command.Run(["--model", "M2Nuisance", "--data-dir", missing]));

        Assert.True(exit == 2, $"exit {exit}\nstdout: {output}\nstderr: {error}");
        Assert.Contains("--data-dir", error);
        Assert.DoesNotContain("--guide", error);
    }
}
