using ProbDsl.Examples.Mixture;

// A mixture of three Bernoulli components (mixture.pdsl), trained by the ProbDsl-generated ELBO with k
// enumerated exactly, on data drawn from known parameters; then the trained guide q(k|x) is compared with the
// exact posteriors. Usage: dotnet run --project examples/Mixture -c Release -- [--seed N] [--epochs N] [--threads N]
return MixtureCommand.Run(args);
