namespace Messaging.Application.Common.Exceptions;

/// <summary>What a failure means to whoever reads the logs; see <see cref="FailureClassifier"/>.</summary>
public enum FailureKind
{
    /// <summary>Something only a programmer can fix: logged as an error and answered with a 500.</summary>
    Unexpected,

    /// <summary>An answer for the caller (invalid input, not found, a closed window, a template or medium that cannot
    /// be used): not logged, answered with a 4xx problem.</summary>
    CallerError,

    /// <summary>Twilio refused this message: a warning with Twilio's code, answered with a 422 problem.</summary>
    RefusedByTwilio,

    /// <summary>Twilio, or the host of a medium it keeps, could not be reached or failed: one warning with the cause,
    /// answered with a 502 problem.</summary>
    Outage,
}
