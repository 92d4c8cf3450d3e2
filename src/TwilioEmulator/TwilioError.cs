namespace Messaging.TwilioEmulator;

/// <summary>Twilio's error body: <c>{"code":…,"message":…,"more_info":…,"status":…}</c>.</summary>
internal sealed record TwilioError(int Code, string Message, string MoreInfo, int Status)
{
    public static TwilioError Of(int status, int code, string message) =>
        new(code, message, $"https://www.twilio.com/docs/errors/{code}", status);
}
