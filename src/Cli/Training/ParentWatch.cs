using System;
using System.Threading;

namespace ProbDsl.Cli.Training;

/// <summary>
/// A run started by <c>probdsl compare</c> stops when its compare is gone, however it went (SIGKILL included):
/// compare holds the run's standard input open and never writes to it, so the kernel closes it — and a read here
/// returns end of file — exactly when compare ends. Without this a killed compare left its runs training, holding
/// their output locks, so the compare started again could not resume them. The run's checkpoints are written
/// atomically, so stopping between two of them loses only the steps since the last; the next compare resumes there.
/// </summary>
internal static class ParentWatch
{
    public const string Option = "--stop-with-parent";

    public static void Start(Terminal terminal)
    {
        var watcher = new Thread(() => Watch(terminal)) { IsBackground = true, Name = "probdsl parent watch" };
        watcher.Start();
    }

    private static void Watch(Terminal terminal)
    {
        try
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (input.Read(buffer, 0, buffer.Length) > 0)
            {
                // compare never writes; anything read is ignored.
            }
        }
        catch (Exception e) when (e is System.IO.IOException or ObjectDisposedException)
        {
            // A broken standard input means the same: the parent is gone.
        }
        terminal.Error.WriteLine("the probdsl compare that started this run is gone: stopping; the run resumes from its last checkpoint");
        Environment.Exit(ExitCodes.ParentGone);
    }
}
