using System.CommandLine;
using ProbDsl.Examples.Common;
using ProbDsl.Models;

// Trains the ADGM of Maaløe et al. 2016, declared in adgm.pdsl and compiled by the ProbDsl source generator, on real
// MNIST with a few labels. The command line and the run are the M2 example's (examples/Common); only the model differs.
var options = new SemiSupervisedOptions("adgm.pdsl");
var root = new RootCommand("Train the auxiliary deep generative model (Maaløe et al. 2016) on real MNIST with a few labels; y is enumerated for each sampled a.");
options.AddTo(root);
root.SetAction(parsed => UserErrors.Report(() => SemiSupervisedRun.Execute(options.Read(parsed), training => new AdgmAuxiliaryTrainer(training))));
return root.Parse(args).Invoke();
