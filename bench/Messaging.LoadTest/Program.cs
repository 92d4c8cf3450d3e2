using Messaging.LoadTest;

// "floor" runs the minimal server the service is compared with, in a process of its own like the service.
if (args is ["floor", ..])
{
    return await FloorServer.RunAsync(args[1..]);
}

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(HarnessOptions.Usage);
    return 0;
}

HarnessOptions options;
try
{
    options = HarnessOptions.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

return await Harness.RunAsync(options);
