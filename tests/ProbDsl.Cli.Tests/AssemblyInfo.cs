// Training runs share libtorch's global seed and thread count: run the tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
