using ProbDsl.Examples.Hvae;

// Trains a two-layer hierarchical VAE, declared in hvae.pdsl and compiled by the ProbDsl source generator, on real
// MNIST without labels.
return HvaeCommand.Run(args);
