using System.CommandLine;

namespace ProbDsl.Examples.Common;

/// <summary>--threads, with the default every example uses and the reason for it.</summary>
public static class ThreadsOption
{
    public static Option<int> Create()
    {
        var option = new Option<int>("--threads")
        {
            Description = $"libtorch CPU threads, 1 to {SizeRules.MaxThreads}. Default 1: two threads are ~1.6x faster on an idle 2-core machine but 10-25x slower when anything else runs.",
            DefaultValueFactory = _ => 1,
        };
        SizeRules.Threads(option);
        return option;
    }
}
