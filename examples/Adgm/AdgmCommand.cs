using System.CommandLine;
using ProbDsl.Examples.Common;
using ProbDsl.Models;

namespace ProbDsl.Examples.Adgm;

/// <summary>The example's command line and run; public so that tests can walk its options in process.</summary>
public static class AdgmCommand
{
    public static int Run(string[] args)
    {
        var options = new SemiSupervisedOptions("adgm.pdsl");
        var root = new RootCommand("Train the auxiliary deep generative model (Maaløe et al. 2016) on real MNIST with a few labels; y is enumerated for each sampled a.");
        options.AddTo(root);
        root.SetAction(parsed => UserErrors.Report(() => SemiSupervisedRun.Execute(options.Read(parsed), training => new AdgmAuxiliaryTrainer(training))));
        return CommandLine.Run(root, args);
    }
}
