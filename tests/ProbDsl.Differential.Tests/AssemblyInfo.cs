// The differential test installs its noise per thread and reads libtorch's global thread setting; one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
