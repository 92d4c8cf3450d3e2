namespace Messaging.Api.Controllers;

/// <summary>
/// The controllers an API key opens: each answers 401 without a valid key and 403 without the scope it needs, and the
/// API description says so for every one of them, not only for those that remembered to.
/// </summary>
[ApiController]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
public abstract class ApiKeyControllerBase : ControllerBase;
