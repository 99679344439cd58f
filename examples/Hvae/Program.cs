using System.CommandLine;
using ProbDsl.Examples.Common;
using ProbDsl.Examples.Hvae;

// Trains a two-layer hierarchical VAE, declared in hvae.pdsl and compiled by the ProbDsl source generator, on real
// MNIST without labels.
var options = new HvaeOptions();
var root = new RootCommand("Train a hierarchical VAE p(z2) p(z1|z2) p(x|z1) with the bottom-up guide q(z1|x) q(z2|z1) on real MNIST.");
options.AddTo(root);
root.SetAction(parsed => UserErrors.Report(() => HvaeRun.Execute(options.Read(parsed))));
return root.Parse(args).Invoke();
