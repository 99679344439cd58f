System.Console.WriteLine(typeof(ProbDsl.Models.M2StructuredTrainer).Name);
