using System.CommandLine;
using ProbDsl.Examples.Common;
using ProbDsl.Examples.M2Mnist;

// Trains Kingma et al.'s M2, declared in m2.pdsl and compiled by the ProbDsl source generator, on real MNIST.
var options = new M2Options();
var root = new RootCommand("Train M2 (Kingma et al. 2014) on real MNIST with a few labels; y is enumerated exactly.");
options.AddTo(root);
root.SetAction(parsed => UserErrors.Report(() => M2Run.Execute(options.Read(parsed))));
return root.Parse(args).Invoke();
