// Oracle tests reseed libtorch's process-wide random generator and compare sampled noise; tests running in
// parallel would draw from it in between. Run this assembly's tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
