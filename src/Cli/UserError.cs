using System;

namespace ProbDsl.Cli;

/// <summary>
/// A problem the user can fix (a bad option value, data that do not fit the model): printed as one line naming
/// the argument or file and what to do, exit code 2, never a stack trace.
/// </summary>
internal sealed class UserError : Exception
{
    public UserError(string message)
        : base(message)
    {
    }
}
