using Messaging.LoadTest;

// "floor" runs the minimal server the service is compared with, in a process of its own like the service.
return args is ["floor", ..]
    ? await FloorServer.RunAsync(args[1..])
    : await Harness.RunAsync(HarnessOptions.Parse(args));
