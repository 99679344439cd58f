using System.CommandLine;
using ProbDsl.Examples.Common;
using ProbDsl.Models;
using ProbDsl.ResumeProbe;

// The examples' semi-supervised command line and run (the same --checkpoint, --checkpoint-every, --resume, ...),
// training the toy model of probe.pdsl on synthetic data instead of MNIST; --labels is ignored.
var options = new SemiSupervisedOptions("probe.pdsl");
var root = new RootCommand("Train the toy Probe model on synthetic data with the examples' run loop (for the kill -9 resume test).");
options.AddTo(root);
root.SetAction(parsed => UserErrors.Report(() => SemiSupervisedRun.Execute(
    options.Read(parsed), training => new ProbeStructuredTrainer(training), () => SyntheticData.Create(labelled: 30, unlabelled: 1500, test: 300))));
return CommandLine.Run(root, args);
