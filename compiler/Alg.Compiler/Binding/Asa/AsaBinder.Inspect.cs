using System.Globalization;
using Alg.Grammar.Asa.Ast;
using Alg.Grammar.Common;
using Alg.Policy.Algs;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.StdlibAlgs;

namespace Alg.Compiler.Binding;

/// <summary>
/// Inspections (the ASA's ALGs): `inspect` under the classes of applied policy-maps, their class-map ports and
/// inspect maps; PIX `fixup protocol`; and the `timeout` lines, which set policy timers and ALG options.
/// </summary>
public sealed partial class AsaBinder
{
    private const string DefaultClass = "inspection_default";

    private void BindInspections(ConfigurationAst ast)
    {
        var applied = ast.Statements.OfType<AsaServicePolicy>().Where(s => !s.Negated).Select(s => s.PolicyMap.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var policyMap in ast.Statements.OfType<AsaPolicyMap>())
        {
            // The device always applies global_policy (its factory service-policy); other maps only when a service-policy names them.
            var effective = policyMap.Name.Value == "global_policy" || applied.Contains(policyMap.Name.Value);
            foreach (var child in policyMap.Children)
            {
                switch (child)
                {
                    case AsaPolicyClass policyClass:
                        BindPolicyClass(policyMap, policyClass, effective);
                        break;
                    case AsaInspect inspect:
                        var text = (inspect.Negated ? "no " : string.Empty) + "inspect " + inspect.Protocol.Value;
                        _context.Diagnostics.Add(DiagnosticCatalog.InspectOutsideClass, inspect.Span, text);
                        _context.References.Reference(ReferenceKind.ClassMap, DefaultClass, inspect.Span, $"policy-map {policyMap.Name.Value}");
                        if (effective)
                        {
                            BindInspect(inspect, null);
                        }

                        break;
                }
            }
        }
    }

    private void BindPolicyClass(AsaPolicyMap policyMap, AsaPolicyClass policyClass, bool effective)
    {
        var className = policyClass.Name.Value;
        if (!string.Equals(className, "class-default", StringComparison.OrdinalIgnoreCase))
        {
            _context.References.Reference(ReferenceKind.ClassMap, className, policyClass.Name.Span, $"policy-map {policyMap.Name.Value}");
        }

        if (!effective)
        {
            return;
        }

        _classMaps.TryGetValue(className, out var classMap);
        foreach (var inspect in policyClass.Children.OfType<AsaInspect>())
        {
            BindInspect(inspect, classMap);
        }
    }

    private void BindInspect(AsaInspect inspect, AsaClassMap? classMap)
    {
        var vendor = inspect.Protocol.Value;
        var descriptor = AlgCatalog.FindByVendorName(Dialect.Asa, vendor);
        if (descriptor is null)
        {
            if (AsaDefaults.UnmodelledInspections.Contains(vendor))
            {
                _context.Diagnostics.Add(DiagnosticCatalog.NoEffectInAlg, inspect.Span, $"inspect {vendor}");
            }
            else
            {
                _context.Diagnostics.Add(DiagnosticCatalog.UnknownAlg, inspect.Protocol.Span, vendor, Suggestions.DidYouMean(vendor, AlgCatalog.VendorNames(Dialect.Asa)));
            }

            return;
        }

        var name = descriptor.Name;
        var enable = !inspect.Negated;
        var ports = classMap?.Children.OfType<AsaClassMatch>().Where(m => m.Kind == AsaClassMatchKind.Port).ToList() ?? [];
        if (ports.Count > 0 && enable)
        {
            // `match port` classes add their ports to the inspection; default-inspection-traffic keeps the table's.
            foreach (var match in ports)
            {
                foreach (var range in Ranges(match.Ports))
                {
                    foreach (var port in Enumerate(range))
                    {
                        _context.Algs.SetPort(name, new AlgPort(match.Protocol ?? TransportProtocol.Tcp, port), true, inspect.Span);
                    }
                }
            }
        }
        else
        {
            _context.Algs.SetEnabled(name, enable, inspect.Span);
        }

        // H.245 is negotiated inside the H.225 call signalling; inspecting one is inspecting the other.
        if (name == "h323-q931")
        {
            _context.Algs.SetEnabled("h323-h245", enable, inspect.Span);
        }

        _context.RecordSetting($"alg {name} {classMap?.Name.Value ?? DefaultClass}", enable ? "on" : "off", $"inspect {vendor}", inspect.Span);
        if (!enable)
        {
            return;
        }

        if (inspect.Arguments.Contains("strict") && name == "ftp")
        {
            _context.Algs.SetOption("ftp", "strict", AlgOptionValue.FromBoolean(true), inspect.Span);
        }

        var maximumLength = inspect.Arguments.IndexOf("maximum-length");
        if (name == "dns" && maximumLength >= 0 && maximumLength + 1 < inspect.Arguments.Length
            && long.TryParse(inspect.Arguments[maximumLength + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            SetNumber("dns", "message-length-maximum", length, inspect.Span);
        }

        if (inspect.Map is { } map)
        {
            _context.References.Reference(ReferenceKind.InspectMap, map.Value, map.Span, $"inspect {vendor}");
            _context.Algs.SetInspectMap(name, map.Value);
            if (_inspectMaps.TryGetValue(map.Value, out var inspectMap))
            {
                ApplyInspectMap(name, inspectMap);
            }
        }
    }

    private void ApplyInspectMap(string alg, AsaInspectMap map)
    {
        if (alg == "ftp")
        {
            ApplyFtpRequestCommands(map);
        }

        foreach (var parameter in map.Children.OfType<AsaInspectParameters>().SelectMany(p => p.Children).OfType<AsaInspectParameter>())
        {
            var option = parameter.Name.Value;
            var values = parameter.Values.Select(v => v.Value).ToList();
            switch (alg, option)
            {
                case ("sip", "strict-header-validation" or "state-checking" or "max-forwards-validation"):
                    var action = parameter.Negated ? "off" : parameter.Action ?? "log";
                    _context.Algs.SetOption("sip", option, AlgOptionValue.FromChoice(action), parameter.Span);
                    break;
                case ("sip", "traffic-non-sip"):
                    _context.Algs.SetOption("sip", option, AlgOptionValue.FromBoolean(!parameter.Negated), parameter.Span);
                    break;
                case ("dns", "message-length") when values is ["maximum", var number]
                    && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var maximum):
                    SetNumber("dns", "message-length-maximum", maximum, parameter.Span);
                    break;
                case ("msrpc", "timeout") when values is ["pinhole", var duration] && TryDuration(duration, out var seconds):
                    SetNumber("msrpc", "pinhole-timeout", seconds, parameter.Span);
                    break;
                case ("h323-q931" or "h323-ras", _) when ApplyH323Parameter(parameter, option, values):
                    break;
                case ("msrpc", "endpoint-mapper") when values.Count > 0:
                    BindEndpointMapper(map, parameter, values);
                    break;
                default:
                    _context.Diagnostics.Add(DiagnosticCatalog.NoEffectInAlg, parameter.Span, $"{map.Protocol.Value} parameter {option}");
                    break;
            }
        }
    }

    /// <summary>
    /// A <c>policy-map type inspect h323</c> parameter: one map is usually applied to both <c>inspect h323 h225</c> and
    /// <c>inspect h323 ras</c>, so each parameter goes to the ALG it concerns whichever inspection applied the map.
    /// <c>h245-tunnel-block action log</c> only logs: no effect on what passes (ALG2008 from the caller).
    /// </summary>
    /// <returns>False for a parameter the H.323 ALGs do not model.</returns>
    private bool ApplyH323Parameter(AsaInspectParameter parameter, string option, List<string> values)
    {
        var enable = !parameter.Negated;
        switch (option)
        {
            case "h245-tunnel-block" when parameter.Action is "drop-connection" or "drop" or "reset":
                _context.Algs.SetOption("h323-q931", option, AlgOptionValue.FromBoolean(enable), parameter.Span);
                return true;
            case "ras-rcf-pinholes":
                _context.Algs.SetOption("h323-ras", option, AlgOptionValue.FromBoolean(enable && values is [] or ["enable"]), parameter.Span);
                return true;
            case "state-checking" when values is ["h225"]:
                _context.Algs.SetOption("h323-q931", option, AlgOptionValue.FromBoolean(enable), parameter.Span);
                return true;
            case "state-checking" when values is ["ras"]:
                _context.Algs.SetOption("h323-ras", option, AlgOptionValue.FromBoolean(enable), parameter.Span);
                return true;
            case "call-duration-limit" when values is [var duration] && TryDuration(duration, out var seconds):
                SetNumber("h323-q931", option, enable ? seconds : 0, parameter.Span);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// <c>endpoint-mapper [epm-service-only] [lookup-operation [timeout hh:mm:ss]]</c> under a dcerpc inspect map's
    /// <c>parameters</c>: only endpoint-mapper binds on its port, and ept_lookup answers opening pinholes too. The lookup
    /// operation's own timeout has no separate effect (its pinholes last the map's <c>timeout pinhole</c>).
    /// </summary>
    private void BindEndpointMapper(AsaInspectMap map, AsaInspectParameter parameter, List<string> values)
    {
        var enable = !parameter.Negated;
        foreach (var value in values)
        {
            if (value.Equals("epm-service-only", StringComparison.OrdinalIgnoreCase))
            {
                _context.Algs.SetOption("msrpc", "epm-service-only", AlgOptionValue.FromBoolean(enable), parameter.Span);
            }
            else if (value.Equals("lookup-operation", StringComparison.OrdinalIgnoreCase))
            {
                _context.Algs.SetOption("msrpc", "lookup-operation", AlgOptionValue.FromBoolean(enable), parameter.Span);
            }
        }

        var timeout = values.FindIndex(v => v.Equals("timeout", StringComparison.OrdinalIgnoreCase));
        if (timeout >= 0)
        {
            _context.Diagnostics.Add(DiagnosticCatalog.NoEffectInAlg, parameter.Span, $"{map.Protocol.Value} endpoint-mapper lookup-operation timeout");
        }
    }

    /// <summary>
    /// <c>[no] sunrpc-server IFC ADDRESS MASK service PROGRAM protocol tcp|udp port P[-P] timeout hh:mm:ss</c>: a static
    /// entry of the SunRPC services table (<see cref="SunRpcServerEntry"/>): lowering lets the program's ports on those
    /// servers past the inbound ACLs of the other interfaces while <c>inspect sunrpc</c> is on. <c>no</c> removes the
    /// entry it repeats. Counted as option <c>server-entries</c>.
    /// </summary>
    private void BindSunRpcServer(AsaSunRpcServer entry)
    {
        var words = entry.Arguments;
        if (!(words.Length >= 11
            && Ipv4Address.TryParse(words[1], out var address) && Ipv4Address.TryParse(words[2], out var mask)
            && words[3].Equals("service", StringComparison.OrdinalIgnoreCase) && uint.TryParse(words[4], NumberStyles.None, CultureInfo.InvariantCulture, out var program)
            && words[5].Equals("protocol", StringComparison.OrdinalIgnoreCase) && (words[6].Equals("tcp", StringComparison.OrdinalIgnoreCase) || words[6].Equals("udp", StringComparison.OrdinalIgnoreCase))
            && words[7].Equals("port", StringComparison.OrdinalIgnoreCase) && TryPortRange(words[8], out var ports)
            && words[9].Equals("timeout", StringComparison.OrdinalIgnoreCase) && TryDuration(words[10], out var timeout)))
        {
            _context.Diagnostics.Add(DiagnosticCatalog.InvalidValue, entry.Span, string.Join(' ', words), "sunrpc-server IFC ADDRESS MASK service PROGRAM protocol tcp|udp port P[-P] timeout hh:mm:ss");
            return;
        }

        _context.References.Reference(ReferenceKind.Interface, words[0], entry.Span, "sunrpc-server");
        var protocol = words[6].Equals("tcp", StringComparison.OrdinalIgnoreCase) ? TransportProtocol.Tcp : TransportProtocol.Udp;
        var server = new SunRpcServerEntry(words[0], AddressRange.Subnet(address, mask), program, protocol, ports, timeout, entry.Span);
        if (entry.Negated)
        {
            _sunRpcServers.RemoveAll(e => e with { TimeoutSeconds = 0, Span = default } == server with { TimeoutSeconds = 0, Span = default });
        }
        else
        {
            _sunRpcServers.Add(server);
        }

        SetNumber("sunrpc", "server-entries", _sunRpcServers.Count, entry.Span);
        _context.RecordSetting($"alg sunrpc server {words[0]} {words[1]} {words[4]} {words[6].ToLowerInvariant()} {words[8]}", entry.Negated ? "off" : "on", "sunrpc-server", entry.Span);
    }

    /// <summary><c>P</c> or <c>P-P</c>, ports 1-65535, low first.</summary>
    private static bool TryPortRange(string text, out PortRange range)
    {
        range = default;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var lowText = dash < 0 ? text.AsSpan() : text.AsSpan(0, dash);
        var highText = dash < 0 ? text.AsSpan() : text.AsSpan(dash + 1);
        if (!int.TryParse(lowText, NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            || !int.TryParse(highText, NumberStyles.None, CultureInfo.InvariantCulture, out var high)
            || low < 1 || high > 65535 || low > high)
        {
            return false;
        }

        range = new PortRange(low, high);
        return true;
    }

    /// <summary>
    /// <c>match request-command appe|cdup|dele|get|help|mkd|put|rmd|rnfr|rnto|site|stou …</c> under a
    /// <c>policy-map type inspect ftp</c>, with a <c>reset</c> or <c>drop-connection</c> action: the FTP ALG drops the
    /// connection on those commands (a match with only <c>log</c> drops nothing and is said to have no effect).
    /// </summary>
    private void ApplyFtpRequestCommands(AsaInspectMap map)
    {
        foreach (var match in map.Children.OfType<AsaInspectMatch>())
        {
            var words = match.Criteria.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words is not ["request-command", .. var commands])
            {
                continue;
            }

            var denies = !match.Negated && match.Children.OfType<AsaInspectAction>().Any(a => a.Action.Value is "reset" or "drop-connection" or "drop");
            if (!denies)
            {
                _context.Diagnostics.Add(DiagnosticCatalog.NoEffectInAlg, match.Span, $"{map.Protocol.Value} match {match.Criteria} without a reset action");
                continue;
            }

            var descriptor = _context.Algs["ftp"].Descriptor;
            foreach (var command in commands)
            {
                var option = Alg.StdlibAlgs.Ftp.FtpAlgDescriptor.DenyOption(command.ToLowerInvariant());
                if (descriptor.FindOption(option) is null)
                {
                    _context.Diagnostics.Add(DiagnosticCatalog.NoEffectInAlg, match.Span, $"ftp request-command {command}");
                    continue;
                }

                _context.Algs.SetOption("ftp", option, AlgOptionValue.FromBoolean(true), match.Span);
            }
        }
    }

    private void BindFixup(AsaFixup fixup)
    {
        // PIX 6.0-6.2 wrote the H.225 fixup as plain `fixup protocol h323 1720`.
        var vendor = fixup.Protocol.Value == "h323" ? "h323 h225" : fixup.Protocol.Value;
        var descriptor = AlgCatalog.FindByVendorName(Dialect.Asa, vendor);
        if (descriptor is null)
        {
            _context.Diagnostics.Add(DiagnosticCatalog.UnknownAlg, fixup.Protocol.Span, vendor, Suggestions.DidYouMean(vendor, AlgCatalog.VendorNames(Dialect.Asa)));
            return;
        }

        var name = descriptor.Name;
        var enable = !fixup.Negated;
        if (fixup.Ports.IsEmpty)
        {
            _context.Algs.SetEnabled(name, enable, fixup.Span);
        }
        else
        {
            // The fixup's ports use the ALG's own transport unless the line names one (`fixup protocol sip udp 5060`).
            var transport = fixup.Transport ?? (descriptor.DefaultPorts.IsEmpty ? TransportProtocol.Tcp : descriptor.DefaultPorts[0].Protocol);
            foreach (var range in fixup.Ports)
            {
                foreach (var port in Enumerate(range.Value))
                {
                    _context.Algs.SetPort(name, new AlgPort(transport, port), enable, fixup.Span);
                }
            }
        }

        if (name == "h323-q931")
        {
            _context.Algs.SetEnabled("h323-h245", enable, fixup.Span);
        }

        var transportName = fixup.Transport?.ToString().ToLowerInvariant() ?? "default";
        _context.RecordSetting(
            $"alg {name} fixup {transportName} {string.Join(',', fixup.Ports.Select(p => p.Value))}", enable ? "on" : "off", $"fixup protocol {vendor}", fixup.Span);
    }

    private void BindTimeout(AsaTimeout timeout)
    {
        foreach (var value in timeout.Values)
        {
            var name = value.Name.Value;
            var seconds = value.Seconds.Value;
            if (AsaDefaults.TimerNames.TryGetValue(name, out var timer))
            {
                // `0` disables an ASA timer: the entry never expires.
                _context.Timers.Set(timer, seconds == 0 ? null : seconds, value.Seconds.Span);
                _context.RecordSetting($"timeout {timer}", seconds.ToString(CultureInfo.InvariantCulture), $"timeout {name}", timeout.Span);
            }
            else if (AsaDefaults.AlgTimerNames.TryGetValue(name, out var target))
            {
                SetNumber(target.Alg, target.Option, seconds, value.Seconds.Span);
                if (target == ("h323-q931", "media-timeout"))
                {
                    // `timeout h323` governs H.245 and media: the H.245 ALG's channel pinholes follow it too.
                    SetNumber("h323-h245", "media-timeout", seconds, value.Seconds.Span);
                }

                _context.RecordSetting($"timeout {target.Alg} {target.Option}", seconds.ToString(CultureInfo.InvariantCulture), $"timeout {name}", timeout.Span);
            }
            else if (AsaDefaults.IgnoredTimers.Contains(name))
            {
                _context.Diagnostics.Add(DiagnosticCatalog.NoEffectInAlg, value.Name.Span, $"timeout {name}");
            }
            else
            {
                var known = AsaDefaults.TimerNames.Keys.Concat(AsaDefaults.AlgTimerNames.Keys).Concat(AsaDefaults.IgnoredTimers);
                _context.Diagnostics.Add(DiagnosticCatalog.UnknownTimer, value.Name.Span, name, Suggestions.DidYouMean(name, known));
            }
        }
    }

    private void SetNumber(string alg, string option, long value, SourceSpan span)
    {
        var descriptor = _context.Algs[alg].Descriptor.FindOption(option)!;
        _context.Algs.SetOption(alg, option, AlgOptionValue.FromNumber(descriptor.Kind, value), span);
    }

    // A port range as single ports; ranges wider than any ALG listens on are cut, since each port is a table entry.
    private static IEnumerable<int> Enumerate(PortRange range) => Enumerable.Range(range.Low, Math.Min(range.High - range.Low + 1, 64));

    private static bool TryDuration(string text, out long seconds)
    {
        seconds = 0;
        var parts = text.Split(':');
        if (parts.Length != 3)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            seconds = (seconds * 60) + number;
        }

        return true;
    }
}
