global using Messaging.Application.Common.Interfaces;
global using Messaging.Application.Common.Models;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.Options;
