using System.CommandLine;
using ProbDsl.Examples.Common;

namespace ProbDsl.Examples.Hvae;

/// <summary>The example's command line and run; public so that tests can walk its options in process.</summary>
public static class HvaeCommand
{
    public static int Run(string[] args)
    {
        var options = new HvaeOptions();
        var root = new RootCommand("Train a hierarchical VAE p(z2) p(z1|z2) p(x|z1) with the bottom-up guide q(z1|x) q(z2|z1) on real MNIST.");
        options.AddTo(root);
        root.SetAction(parsed => UserErrors.Report(() => HvaeRun.Execute(options.Read(parsed))));
        return CommandLine.Run(root, args);
    }
}
