using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ProbDsl.Datasets.Tests;
using ProbDsl.Examples.M2Mnist;

namespace ProbDsl.Examples.Tests;

/// <summary>
/// The M1+M2 stack of the M2Mnist example end to end on a synthetic MNIST-shaped directory (image i is one grey
/// level, (i mod 10) · 25, and its label is i mod 10): M1 is trained on the images, M2 on M1's codes, and a
/// resumed run reuses the finished M1 and trains M2 only.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class StackedModelTests
{
    [Fact]
    public void M2_on_the_code_of_M1_learns_the_classes_and_a_resumed_run_reuses_M1()
    {
        using var temp = new TempDirectory();
        var data = Directory.CreateDirectory(temp.Combine("mnist")).FullName;
        IdxFiles.WriteAll(data, IdxFiles.SyntheticMnist());
        var checkpoint = temp.Combine(Path.Combine("run", "m2.ckpt"));
        string[] common = ["--model", "M1M2", "--data-dir", data, "--m1-epochs", "1", "--labels", "100", "--elbo-every", "1", "--seed", "3", "--pixels", "intensity"];

        var (exit, output, error) = ConsoleCapture.Run(() => M2Command.Run([.. common, "--epochs", "1", "--checkpoint", checkpoint]));

        Assert.True(exit == 0, $"exit {exit}\nstdout: {output}\nstderr: {error}");
        Assert.Contains("M1 epoch   1/1", output);
        Assert.True(File.Exists(temp.Combine(Path.Combine("run", "m1-m2.ckpt"))), "M1's checkpoint is written beside M2's");
        // Ten grey levels, ten classes: after one epoch of each stage the classifier on M1's code is far above
        // chance (10%); with the labels alone it is already separable, so anything below 60% is a broken stack.
        Assert.True(Accuracies(output).Single() > 60, output);

        var (resumedExit, resumed, resumedError) = ConsoleCapture.Run(() => M2Command.Run([.. common, "--epochs", "2", "--resume", checkpoint]));

        Assert.True(resumedExit == 0, $"exit {resumedExit}\nstdout: {resumed}\nstderr: {resumedError}");
        Assert.DoesNotContain("M1 epoch", resumed);
        Assert.Contains("has reached --m1-epochs 1; reusing it", resumed);
        Assert.Contains("epoch   2/2", resumed);
        Assert.DoesNotContain("epoch   1/2", resumed);
    }

    [Fact]
    public void A_file_that_is_not_a_checkpoint_where_M1s_would_go_is_kept_and_the_run_refused()
    {
        using var temp = new TempDirectory();
        var data = Directory.CreateDirectory(temp.Combine("mnist")).FullName;
        IdxFiles.WriteAll(data, IdxFiles.SyntheticMnist());
        File.WriteAllText(temp.Combine("m1-m2.ckpt"), "my notes");

        var (exit, _, error) = ConsoleCapture.Run(() => M2Command.Run(["--model", "M1M2", "--data-dir", data, "--checkpoint", temp.Combine("m2.ckpt")]));

        Assert.Equal(2, exit);
        Assert.Contains("M1's checkpoint", error);
        Assert.Contains("is not a ProbDsl training checkpoint", error);
        Assert.Equal("my notes", File.ReadAllText(temp.Combine("m1-m2.ckpt")));
    }

    [Fact]
    public void M1_epochs_are_refused_for_a_model_without_M1()
    {
        var (exit, _, error) = ConsoleCapture.Run(() => M2Command.Run(["--model", "M2", "--m1-epochs", "5"]));

        Assert.Equal(2, exit);
        Assert.StartsWith("error: --m1-epochs: only --model M1M2 trains M1; --model M2 does not.", error);
    }

    private static double[] Accuracies(string output) =>
        Regex.Matches(output, @"\(accuracy ([0-9.]+)%\)").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
}
