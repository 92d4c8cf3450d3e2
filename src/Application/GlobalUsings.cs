global using MediatR;
global using Messaging.Application.Common.Exceptions;
global using Messaging.Application.Common.Interfaces;
global using Messaging.Application.Common.Models;
global using Messaging.Domain.Messages;
global using Microsoft.Extensions.Options;
