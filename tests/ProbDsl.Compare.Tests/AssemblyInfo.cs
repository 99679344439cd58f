// Each comparison starts training processes of its own; one test at a time keeps them off each other's cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
