using System.CommandLine;
using ProbDsl.Examples.Common;

namespace ProbDsl.Examples.M2Mnist;

/// <summary>The example's command line and run; public so that tests can walk its options in process.</summary>
public static class M2Command
{
    public static int Run(string[] args)
    {
        var options = new M2Options();
        var root = new RootCommand("Train M1+M2 or M2 (Kingma et al. 2014) on real MNIST with a few labels; y is enumerated exactly.");
        options.AddTo(root);
        root.SetAction(parsed => UserErrors.Report(() => M2Run.Execute(options.Read(parsed))));
        return CommandLine.Run(root, args);
    }
}
