using System.Net;
using System.Net.Sockets;

namespace Messaging.TestSupport;

public static class LoopbackPort
{
    /// <summary>A loopback port that was free a moment ago and has nothing listening on it now.</summary>
    public static int Unused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
