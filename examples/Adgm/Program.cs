using ProbDsl.Examples.Adgm;

// Trains the ADGM of Maaløe et al. 2016, declared in adgm.pdsl and compiled by the ProbDsl source generator, on real
// MNIST with a few labels. The command line and the run are the M2 example's (examples/Common); only the model differs.
return AdgmCommand.Run(args);
