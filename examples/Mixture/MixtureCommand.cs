using System.CommandLine;
using ProbDsl.Examples.Common;

namespace ProbDsl.Examples.Mixture;

/// <summary>The example's command line; public so that tests can walk its options in process.</summary>
public static class MixtureCommand
{
    public static int Run(string[] args)
    {
        var seed = new Option<int>("--seed") { Description = "Seed for the data, initialisation and shuffling.", DefaultValueFactory = _ => MixtureRun.Defaults.Seed };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the 4000 training images.", DefaultValueFactory = _ => MixtureRun.Defaults.Epochs };
        var threads = ThreadsOption.Create();
        OptionRules.Positive(epochs);
        // The test data's seed is 2·seed + 2: keep it a valid int.
        OptionRules.Check(seed, value => value is < 0 or > (int.MaxValue - 2) / 2
            ? $"--seed must be between 0 and {(int.MaxValue - 2) / 2}; got {value}." : null);
        var root = new RootCommand("Train a mixture of three Bernoulli components on data from known prototypes and compare the guide with the exact posteriors.") { seed, epochs, threads };
        root.SetAction(parsed => UserErrors.Report(() => MixtureRun.Execute(parsed.GetValue(seed), parsed.GetValue(epochs), parsed.GetValue(threads))));
        return CommandLine.Run(root, args);
    }
}
