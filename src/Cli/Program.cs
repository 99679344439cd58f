using System;
using ProbDsl.Cli;

// probdsl check|explain|emit|train FILE ... — see `probdsl --help` and the README's "Command line" section.
return CliApp.Run(args, Console.Out, Console.Error);
