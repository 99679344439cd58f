using ProbDsl.Examples.M2Mnist;

// Trains Kingma et al.'s M2, declared in m2.pdsl and compiled by the ProbDsl source generator, on real MNIST.
return M2Command.Run(args);
