using System.Globalization;
using Alg.Grammar.Common;
using Alg.Grammar.Ios.Ast;
using Alg.Policy.Algs;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.StdlibAlgs;

namespace Alg.Compiler.Binding;

/// <summary>`ip nat service` (the ALG switches) and `ip nat translation` (timers and limits).</summary>
public sealed partial class IosBinder
{
    /// <summary>`ip nat service` words that are not ALGs: accepted, no effect on what Alg translates.</summary>
    private static readonly string[] NonAlgServices = ["fullrange", "multi-wan-link", "modify-in-progress", "all-algs", "dns-reset-ttl", "allow-h323-keepalive", "allow-h323-even-rtp-ports"];

    private void BindService(IosNatService service)
    {
        var word = service.Alg.Value.ToLowerInvariant();
        var enable = !service.Negated;
        var span = service.Span;
        if (service.Acl is { } acl)
        {
            _context.References.Reference(ReferenceKind.Acl, acl.Value, acl.Span, "ip nat service list");
        }

        switch (word)
        {
            case "all-algs":
                foreach (var state in _context.Algs.States.Where(s => IosDefaults.Algs.Any(d => d.Name == s.Descriptor.Name)).ToList())
                {
                    _context.Algs.SetEnabled(state.Descriptor.Name, enable, span);
                }

                _context.RecordSetting("alg all", enable ? "on" : "off", "all ALGs", span);
                return;
            case "dns-reset-ttl":
                _context.Algs.SetOption("dns", "reset-ttl", AlgOptionValue.FromBoolean(enable), span);
                _context.RecordSetting("alg dns reset-ttl", enable ? "on" : "off", "dns reset-ttl", span);
                return;
            case "fullrange":
            case "multi-wan-link":
            case "modify-in-progress":
            // The H.323 ALG always passes the empty H.460.18 keep-alive TPKT and always gives media an even RTP port
            // (RFC 3550 §11): what these ask for is what it does anyway.
            case "allow-h323-keepalive":
            case "allow-h323-even-rtp-ports":
                _context.Diagnostics.Add(DiagnosticCatalog.NoEffectInAlg, span, $"ip nat service {word}");
                return;
        }

        var descriptor = AlgCatalog.FindByVendorName(Dialect.Ios, word);
        if (descriptor is null)
        {
            var candidates = AlgCatalog.VendorNames(Dialect.Ios).Concat(NonAlgServices);
            _context.Diagnostics.Add(DiagnosticCatalog.UnknownAlg, service.Alg.Span, service.Alg.Value, Suggestions.DidYouMean(word, candidates));
            return;
        }

        var name = descriptor.Name;
        var flags = service.Flags.Select(f => f.Value.ToLowerInvariant()).ToList();
        if (name == "ipsec-nat")
        {
            BindIpsecService(word, flags, enable, service);
            return;
        }

        if (service.Port is { } port)
        {
            var protocol = service.Protocol ?? TransportProtocol.Tcp;
            if (port.Value is < 1 or > 65535)
            {
                _context.Diagnostics.Add(DiagnosticCatalog.ValueOutOfRange, port.Span, "port", port.Value, 1, 65535);
                return;
            }

            var algPort = new AlgPort(protocol, port.Value);
            _context.Algs.SetPort(name, algPort, enable, span);
            _context.RecordSetting($"alg {name} {algPort}", enable ? "on" : "off", $"{name} on {algPort}", span);
        }
        else if (service.Protocol is { } protocol)
        {
            // `ip nat service rtsp udp`: the ALG's default ports, on that transport.
            var ports = descriptor.DefaultPorts.Select(p => p with { Protocol = protocol }).Distinct().ToList();
            foreach (var algPort in ports.Count > 0 ? ports : [])
            {
                _context.Algs.SetPort(name, algPort, enable, span);
            }

            if (ports.Count == 0)
            {
                _context.Algs.SetEnabled(name, enable, span);
            }

            _context.RecordSetting($"alg {name} {protocol}", enable ? "on" : "off", $"{name} over {protocol.ToString().ToLowerInvariant()}", span);
        }
        else
        {
            _context.Algs.SetEnabled(name, enable, span);
            _context.RecordSetting($"alg {name}", enable ? "on" : "off", name, span);
        }

        // H.245 is negotiated inside the H.225 call: it lives and dies with it.
        if (name == "h323-q931")
        {
            _context.Algs.SetEnabled("h323-h245", _context.Algs["h323-q931"].Enabled, span);
        }
    }

    private void BindIpsecService(string word, List<string> flags, bool enable, IosNatService service)
    {
        var span = service.Span;
        if (flags.Contains("spi-match") || flags.Contains("preserve-port"))
        {
            // `ip nat service list N ESP spi-match` and `... IKE preserve-port` each turn one part of IPsec passthrough
            // on: the ALG runs while either is on.
            _context.Algs.SetOption("ipsec-nat", flags.Contains("spi-match") ? "spi-match" : "preserve-port", AlgOptionValue.FromBoolean(enable), span);
            var options = _context.Algs["ipsec-nat"].Options;
            _context.Algs.SetEnabled("ipsec-nat", options["spi-match"].AsBoolean || options["preserve-port"].AsBoolean, span);
        }
        else
        {
            _context.Algs.SetEnabled("ipsec-nat", enable, span);
        }

        _context.RecordSetting($"alg ipsec-nat {word} {string.Join(' ', flags)}", enable ? "on" : "off", $"ipsec {word}", span);
    }

    private void BindTimer(IosNatTimer timer)
    {
        var keyword = timer.Timer.Value;
        if (!IosDefaults.TimerNames.TryGetValue(keyword, out var name))
        {
            _context.Diagnostics.Add(DiagnosticCatalog.UnknownTimer, timer.Timer.Span, keyword, Suggestions.DidYouMean(keyword, IosDefaults.TimerNames.Keys));
            return;
        }

        string value;
        if (timer.Negated && timer.Seconds is null && !timer.Never)
        {
            // IOS: a bare `no` disables the timer (lint ALG3008 warns that clones differ).
            _context.Timers.Set(name, null, timer.Span);
            value = "never";
        }
        else if (timer.Negated)
        {
            _context.Timers.Reset(name, IosDefaults.Timers, timer.Span);
            value = "default";
        }
        else if (timer.Never)
        {
            _context.Timers.Set(name, null, timer.Span);
            value = "never";
        }
        else if (timer.Seconds is { } seconds)
        {
            _context.Timers.Set(name, seconds.Value, timer.Span);
            value = seconds.Value.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            _context.Diagnostics.Add(DiagnosticCatalog.InvalidValue, timer.Span, keyword, "timer setting: give seconds or 'never'");
            return;
        }

        if (name == "gre" && (timer.Seconds is not null || timer.Never))
        {
            _context.Algs.SetOption("pptp", "gre-timeout", AlgOptionValue.FromNumber(AlgOptionKind.Seconds, timer.Seconds?.Value ?? 0), timer.Span);
        }

        _context.RecordSetting($"timer {name}", value, $"{keyword}", timer.Span);
    }

    private void BindPortTimeout(IosNatPortTimeout timeout)
    {
        var name = $"{timeout.Protocol.ToString().ToLowerInvariant()}-port-{timeout.Port.Value.ToString(CultureInfo.InvariantCulture)}";
        if (timeout.Negated)
        {
            _context.Timers.Reset(name, IosDefaults.Timers, timeout.Span);
        }
        else
        {
            _context.Timers.Set(name, timeout.Never ? null : timeout.Seconds?.Value, timeout.Span);
        }

        _context.RecordSetting($"timer {name}", timeout.Negated ? "default" : timeout.Seconds?.Value.ToString(CultureInfo.InvariantCulture) ?? "never", $"port-timeout {name}", timeout.Span);
    }

    private void BindMaxEntries(IosNatMaxEntries max)
    {
        long? limit = max.Negated ? null : max.Limit?.Value;
        if (max.Host is { } host)
        {
            _hostLimits.RemoveAll(h => h.Host == host.Value);
            if (limit is { } hostLimit)
            {
                _hostLimits.Add(new HostLimit(host.Value, hostLimit, max.Span));
            }
        }
        else if (max.Acl is { } acl)
        {
            _context.References.Reference(ReferenceKind.Acl, acl.Value, acl.Span, "max-entries list");
            _context.Diagnostics.Add(DiagnosticCatalog.NoEffectInAlg, max.Span, "max-entries per access list (Alg enforces global and per-host limits)");
        }
        else if (string.Equals(max.Scope, "all-host", StringComparison.Ordinal))
        {
            _perHostDefault = limit;
        }
        else if (max.Scope is null)
        {
            _maxEntries = limit;
        }
        else
        {
            _context.Diagnostics.Add(DiagnosticCatalog.NoEffectInAlg, max.Span, $"max-entries {max.Scope}");
        }

        _limitsSpan = max.Span;
        _context.RecordSetting($"max-entries {max.Host?.Value}{max.Acl?.Value}{max.Scope}", limit?.ToString(CultureInfo.InvariantCulture) ?? "none", "max-entries", max.Span);
    }
}
