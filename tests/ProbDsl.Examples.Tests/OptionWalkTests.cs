using System;
using System.Collections.Generic;
using System.IO;
using ProbDsl.Examples.Adgm;
using ProbDsl.Examples.Hvae;
using ProbDsl.Examples.M2Fluent;
using ProbDsl.Examples.M2Mnist;
using ProbDsl.Examples.Mixture;

namespace ProbDsl.Examples.Tests;

/// <summary>
/// Fail early, no stack traces (issue #10): every example's command line, given one bad value per option, ends with
/// exit code 2 and a message naming the option, before any training, and prints no stack trace. Run in process,
/// through the same entry point as the program (XCommand.Run).
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class OptionWalkTests
{
    /// <summary>Under the test's output directory, not /tmp: the theory data is built statically, with no moment to delete it after.</summary>
    private static readonly string Scratch = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "option-walk")).FullName;

    private static readonly Dictionary<string, Func<string[], int>> Examples = new()
    {
        ["M2Mnist"] = M2Command.Run,
        ["Adgm"] = AdgmCommand.Run,
        ["Hvae"] = HvaeCommand.Run,
        ["M2Fluent"] = M2FluentCommand.Run,
        ["Mixture"] = MixtureCommand.Run,
    };

    /// <summary>Bad values every training example shares: sizes, numbers that do not parse, NaN, paths.</summary>
    private static IEnumerable<(string Option, string Value)> Common()
    {
        foreach (var value in new[] { "0", "-1", "x", "1e3" })
            yield return ("--epochs", value);
        foreach (var value in new[] { "0", "100000", "x" })
            yield return ("--batch-size", value);
        foreach (var value in new[] { "0", "999", "-2", "x" })
            yield return ("--threads", value);
        yield return ("--seed", "x");
        foreach (var value in new[] { "0", "-1", "NaN", "Infinity", "x" })
            yield return ("--learning-rate", value);
        foreach (var (option, value) in Paths())
            yield return (option, value);
        yield return ("--checkpoint-every", "-1");
        yield return ("--keep-checkpoints", "0");
        yield return ("--keep-checkpoints", "1000");
        yield return ("--data-dir", Path.Combine(Scratch, "no-such-directory"));
    }

    private static IEnumerable<(string Option, string Value)> Paths()
    {
        var file = Path.Combine(Scratch, "a-file.txt");
        File.WriteAllText(file, "not a checkpoint");
        yield return ("--checkpoint", "");
        yield return ("--checkpoint", "   ");
        yield return ("--checkpoint", Scratch); // an existing directory where a file is expected
        yield return ("--checkpoint", Path.Combine(file, "model.ckpt")); // a path under a file
        yield return ("--checkpoint", Path.Combine(ReadOnlyDirectory(), "model.ckpt"));
        yield return ("--checkpoint", file); // would be overwritten: not a checkpoint
        yield return ("--resume", "");
        yield return ("--resume", Path.Combine(Scratch, "missing.ckpt"));
        yield return ("--resume", file);
    }

    private static IEnumerable<(string Option, string Value)> SemiSupervised()
    {
        foreach (var pair in Common())
            yield return pair;
        foreach (var value in new[] { "0", "15", "70000", "x" })
            yield return ("--labels", value);
        foreach (var value in new[] { "0", "20000" })
            yield return ("--labelled-batch-size", value);
        foreach (var value in new[] { "-1", "NaN", "Infinity", "x" })
            yield return ("--alpha", value);
        yield return ("--pixels", "grey");
        yield return ("--device", "gpu");
        yield return ("--device", "cuda"); // valid name, but this build has no CUDA: refused with a clear message
    }

    public static TheoryData<string, string, string> BadValues()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (option, value) in SemiSupervised())
        {
            data.Add("M2Mnist", option, value);
            data.Add("Adgm", option, value);
        }
        data.Add("M2Mnist", "--model", "M3");
        data.Add("M2Mnist", "--guide", "Full");
        foreach (var (option, value) in Common())
            data.Add("Hvae", option, value);
        foreach (var (option, value) in new[] { ("--epochs", "-1"), ("--epochs", "x"), ("--labels", "5"), ("--labels", "x"), ("--guide", "Full"), ("--data-dir", Path.Combine(Scratch, "none")) })
            data.Add("M2Fluent", option, value);
        foreach (var (option, value) in new[] { ("--seed", "-1"), ("--seed", "x"), ("--epochs", "0"), ("--epochs", "x"), ("--threads", "999"), ("--threads", "0") })
            data.Add("Mixture", option, value);
        return data;
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_exits_with_2_and_a_message_naming_the_option_without_a_stack_trace(string example, string option, string value)
    {
        // M2Fluent's --data-dir is only read when it trains.
        string[] args = example == "M2Fluent" && option == "--data-dir" ? ["--epochs", "1", option, value] : [option, value];

        var (exit, output, error) = ConsoleCapture.Run(() => Examples[example](args));

        Assert.True(exit == 2, $"exit {exit}\nstdout: {output}\nstderr: {error}");
        Assert.Contains(option, error);
        Assert.StartsWith("error: ", error);
        Assert.DoesNotContain("   at ", output + error);
        Assert.DoesNotContain("Exception", output + error);
    }

    /// <summary>A directory no file can be created in: chmod 555 where that binds, /proc where it does not (root).</summary>
    private static string ReadOnlyDirectory()
    {
        var directory = Directory.CreateDirectory(Path.Combine(Scratch, "read-only")).FullName;
        if (OperatingSystem.IsWindows())
            return directory; // these tests run on Linux; on Windows the check is not exercised
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        try
        {
            File.WriteAllText(Path.Combine(directory, "probe"), "");
            File.Delete(Path.Combine(directory, "probe"));
            return "/proc"; // root ignores the mode bits; /proc takes no new files from anyone
        }
        catch (UnauthorizedAccessException)
        {
            return directory;
        }
    }
}
