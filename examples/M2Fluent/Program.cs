using ProbDsl.Examples.M2Fluent;

// M2 with both guides, declared fluently in M2Definition.cs. The generator compiled that chain into the same classes
// m2.pdsl gives (M2Structured, M2MeanField and their trainers); here we print what each guide assumes, the chain's
// IR written back as .pdsl, and, with --epochs, train on real MNIST.
return M2FluentCommand.Run(args);
