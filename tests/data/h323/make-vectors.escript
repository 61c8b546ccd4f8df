#!/usr/bin/env escript
%% -*- erlang -*-
%%! -pa .
%% Generates the H.323 test vectors of tests/Alg.Runtime.Tests/H323 with Erlang's asn1 compiler (aligned PER, an
%% encoder independent of ours) from the ITU ASN.1 modules: H.225.0 v6 (H323-MESSAGES), H.245 v13
%% (MULTIMEDIA-SYSTEM-CONTROL) and H.235 (H235-SECURITY-MESSAGES), as Packetizer published them.
%% Run by make-vectors.sh, which compiles the modules first. Output: one line per message, "name<TAB>hex", where a
%% call signalling message is a whole TPKT (Q.931 with the User-user IE), an H.245 one a whole TPKT, and RAS the
%% bare RasMessage of a UDP datagram.

-define(CLIENT, <<192,168,1,10>>).
-define(SERVER, <<203,0,113,20>>).
-define(NEIGHBOUR, <<192,168,1,99>>).
-define(PROTOCOL, {0,0,8,2250,0,6}).
-define(H245_PROTOCOL, {0,0,8,245,0,13}).
-define(CONF, <<1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16>>).
-define(CALLID, #{guid => <<16,15,14,13,12,11,10,9,8,7,6,5,4,3,2,1>>}).

main(_) ->
    Vectors =
        fast_start_call() ++ tunnelled_call() ++ h460_registration_and_call() ++ slipstream_facility() ++
        ras_exchange() ++ h245_connection() ++ refused_shapes(),
    lists:foreach(fun({Name, Bin}) -> io:format("~s\t~s~n", [Name, hex(Bin)]) end, Vectors).

%% --- helpers -------------------------------------------------------------------------------------------------

hex(Bin) -> lists:flatten([io_lib:format("~2.16.0b", [B]) || <<B>> <= Bin]).

enc(Module, Type, Value) ->
    {ok, Bin} = Module:encode(Type, Value),
    iolist_to_binary(Bin).

ta(Ip, Port) -> {ipAddress, #{ip => Ip, port => Port}}.
h245ta(Ip, Port) -> {unicastAddress, {iPAddress, #{network => Ip, tsapIdentifier => Port}}}.

endpoint() -> #{vendor => #{vendor => #{t35CountryCode => 181, t35Extension => 0, manufacturerCode => 21324},
                            productId => <<"Alg test">>, versionId => <<"1">>},
                terminal => #{}, mc => false, undefinedNode => false}.

%% TPKT (RFC 1006) + Q.931 (H.225.0 §7.2): discriminator 8, 2-octet call reference, message type, a Display IE,
%% then the User-user IE with its 2-octet length and the X.208 discriminator 5.
q931(Type, Crv, Flag, Uuie) ->
    Per = enc('H323-MESSAGES', 'H323-UserInformation', #{'h323-uu-pdu' => Uuie}),
    Len = byte_size(Per) + 1,
    Body = <<8, 2, (Flag bsl 7 bor (Crv bsr 8)), (Crv band 255), Type, 16#28, 4, "Test", 16#7e, Len:16, 5, Per/binary>>,
    tpkt(Body).

tpkt(Body) -> <<3, 0, (byte_size(Body) + 4):16, Body/binary>>.

uu(Body, Extra) -> maps:merge(#{'h323-message-body' => Body, h245Tunnelling => false}, Extra).

mscm(Kind, Alt, Value) -> enc('MULTIMEDIA-SYSTEM-CONTROL', 'MultimediaSystemControlMessage', {Kind, {Alt, Value}}).

h2250(Session, Media, Control) ->
    M0 = #{sessionID => Session},
    M1 = case Media of none -> M0; {MI, MP} -> M0#{mediaChannel => h245ta(MI, MP)} end,
    case Control of none -> M1; {CI, CP} -> M1#{mediaControlChannel => h245ta(CI, CP)} end.

%% A G.711 A-law channel: what the sender transmits, with the RTCP address where it takes the peer's reports.
olc_transmit(Channel, Ip, RtcpPort) ->
    #{forwardLogicalChannelNumber => Channel,
      forwardLogicalChannelParameters =>
          #{dataType => {audioData, {g711Alaw64k, 20}},
            multiplexParameters => {h2250LogicalChannelParameters, h2250(1, none, {Ip, RtcpPort})}}}.

%% A fastStart receive proposal: no forward media, reverse parameters name where the sender receives RTP and RTCP.
olc_receive(Channel, Ip, RtpPort) ->
    #{forwardLogicalChannelNumber => Channel,
      forwardLogicalChannelParameters =>
          #{dataType => {nullData, 'NULL'}, multiplexParameters => {none, 'NULL'}},
      reverseLogicalChannelParameters =>
          #{dataType => {audioData, {g711Alaw64k, 20}},
            multiplexParameters => {h2250LogicalChannelParameters, h2250(1, {Ip, RtpPort}, {Ip, RtpPort + 1})}}}.

olc_ack(Channel, Ip, RtpPort) ->
    #{forwardLogicalChannelNumber => Channel,
      forwardMultiplexAckParameters =>
          {h2250LogicalChannelAckParameters,
           #{sessionID => 1, mediaChannel => h245ta(Ip, RtpPort), mediaControlChannel => h245ta(Ip, RtpPort + 1)}}}.

olc_bytes(V) -> enc('MULTIMEDIA-SYSTEM-CONTROL', 'OpenLogicalChannel', V).

setup(Extra) ->
    maps:merge(#{protocolIdentifier => ?PROTOCOL, sourceInfo => endpoint(),
                 sourceAddress => [{'h323-ID', "caller"}], destinationAddress => [{dialedDigits, "1234"}],
                 destCallSignalAddress => ta(?SERVER, 1720), activeMC => false, conferenceID => ?CONF,
                 conferenceGoal => {create, 'NULL'}, callType => {pointToPoint, 'NULL'}, callIdentifier => ?CALLID,
                 mediaWaitForConnect => false, canOverlapSend => false, multipleCalls => false,
                 maintainConnection => false}, Extra).

connect(Extra) ->
    maps:merge(#{protocolIdentifier => ?PROTOCOL, destinationInfo => endpoint(), conferenceID => ?CONF,
                 callIdentifier => ?CALLID, multipleCalls => false, maintainConnection => false}, Extra).

feature(N) -> #{id => {standard, N}}.

%% --- the four calls the issue names ------------------------------------------------------------------------

%% An inside caller proposes media in Setup's fastStart (transmit + receive OLCs); the callee accepts in Connect.
fast_start_call() ->
    Proposals = [olc_bytes(olc_transmit(1, ?CLIENT, 5001)), olc_bytes(olc_receive(2, ?CLIENT, 5000))],
    Setup = setup(#{sourceCallSignalAddress => ta(?CLIENT, 1720), fastStart => Proposals}),
    Accepted = [olc_bytes(olc_transmit(1, ?SERVER, 7001)), olc_bytes(olc_receive(2, ?SERVER, 7000))],
    Connect = connect(#{h245Address => ta(?SERVER, 1300), fastStart => Accepted}),
    Alerting = #{protocolIdentifier => ?PROTOCOL, destinationInfo => endpoint(), callIdentifier => ?CALLID,
                 multipleCalls => false, maintainConnection => false},
    [{"faststart-setup", q931(5, 11, 0, uu({setup, Setup}, #{}))},
     {"faststart-alerting", q931(1, 11, 1, uu({alerting, Alerting}, #{}))},
     {"faststart-connect", q931(7, 11, 1, uu({connect, Connect}, #{}))},
     {"faststart-release", q931(16#5a, 11, 0, uu({releaseComplete, #{protocolIdentifier => ?PROTOCOL, callIdentifier => ?CALLID}}, #{}))}].

%% H.245 tunnelled in H.225.0: the caller's OLC rides Setup's parallelH245Control, the callee's OLC and the caller's
%% OLCAck ride h245Control of Connect and an empty-bodied Facility; then CloseLogicalChannel and endSessionCommand.
tunnelled_call() ->
    CallerOlc = mscm(request, openLogicalChannel, olc_transmit(1, ?CLIENT, 5003)),
    Setup = setup(#{parallelH245Control => [CallerOlc]}),
    CalleeOlc = mscm(request, openLogicalChannel, olc_transmit(9, ?SERVER, 7003)),
    Connect = connect(#{}),
    CallerAck = mscm(response, openLogicalChannelAck, olc_ack(9, ?CLIENT, 5002)),
    Close = mscm(request, closeLogicalChannel, #{forwardLogicalChannelNumber => 1, source => {user, 'NULL'}}),
    End = mscm(command, endSessionCommand, {disconnect, 'NULL'}),
    [{"tunnel-setup", q931(5, 12, 0, uu({setup, Setup}, #{h245Tunnelling => true}))},
     {"tunnel-connect", q931(7, 12, 1, uu({connect, Connect}, #{h245Tunnelling => true, h245Control => [CalleeOlc]}))},
     {"tunnel-facility-ack", q931(16#62, 12, 0, uu({empty, 'NULL'}, #{h245Tunnelling => true, h245Control => [CallerAck]}))},
     {"tunnel-facility-close", q931(16#62, 12, 0, uu({empty, 'NULL'}, #{h245Tunnelling => true, h245Control => [Close, End]}))}].

%% An H.460.18/19 endpoint: RRQ and RCF with the traversal features, the gatekeeper's SCI announcing a call, and the
%% endpoint's Setup (features 18 and 19, an h245Address of its own) and OLC with H.460.19 genericInformation.
h460_registration_and_call() ->
    Rrq = #{requestSeqNum => 1, protocolIdentifier => ?PROTOCOL, discoveryComplete => false,
            callSignalAddress => [ta(?CLIENT, 1720)], rasAddress => [ta(?CLIENT, 1719)],
            terminalType => endpoint(), terminalAlias => [{'h323-ID', "ep"}], endpointVendor => vendor(),
            timeToLive => 300, keepAlive => false, willSupplyUUIEs => false, maintainConnection => false,
            featureSet => #{replacementFeatureSet => false, supportedFeatures => [feature(18), feature(19)]}},
    Rcf = #{requestSeqNum => 1, protocolIdentifier => ?PROTOCOL, callSignalAddress => [ta(?SERVER, 1720)],
            endpointIdentifier => "EP1", timeToLive => 300, willRespondToIRR => false, maintainConnection => false,
            featureSet => #{replacementFeatureSet => false, supportedFeatures => [feature(18)]}},
    Sci = #{requestSeqNum => 2, serviceControl => [], genericData => [feature(18)]},
    Setup = setup(#{h245Address => ta(?CLIENT, 1300), supportedFeatures => [feature(18), feature(19)]}),
    Traversal = #{messageIdentifier => {standard, {0,0,8,460,19,0,1}}},
    Olc = maps:merge(olc_transmit(1, ?CLIENT, 5005), #{genericInformation => [Traversal]}),
    [{"h460-rrq", enc('H323-MESSAGES', 'RasMessage', {registrationRequest, Rrq})},
     {"h460-rcf", enc('H323-MESSAGES', 'RasMessage', {registrationConfirm, Rcf})},
     {"h460-sci", enc('H323-MESSAGES', 'RasMessage', {serviceControlIndication, Sci})},
     {"h460-setup", q931(5, 13, 0, uu({setup, Setup}, #{}))},
     {"h460-olc", tpkt(mscm(request, openLogicalChannel, Olc))}].

%% NAT Slipstreaming 2.0's message: a Facility callForwarded whose alternativeAddress is another inside host.
slipstream_facility() ->
    Facility = #{protocolIdentifier => ?PROTOCOL, alternativeAddress => ta(?NEIGHBOUR, 3389),
                 reason => {callForwarded, 'NULL'}, callIdentifier => ?CALLID, multipleCalls => false, maintainConnection => false},
    [{"slipstream-facility", q931(16#62, 14, 0, uu({facility, Facility}, #{}))}].

vendor() -> #{vendor => #{t35CountryCode => 181, t35Extension => 0, manufacturerCode => 21324}}.

%% --- RAS and H.245 shapes ----------------------------------------------------------------------------------

ras_exchange() ->
    Grq = #{requestSeqNum => 10, protocolIdentifier => ?PROTOCOL, rasAddress => ta(?CLIENT, 1719), endpointType => endpoint()},
    Gcf = #{requestSeqNum => 10, protocolIdentifier => ?PROTOCOL, rasAddress => ta(?SERVER, 1719)},
    Rrq = #{requestSeqNum => 11, protocolIdentifier => ?PROTOCOL, discoveryComplete => true,
            callSignalAddress => [ta(?CLIENT, 1720)], rasAddress => [ta(?CLIENT, 1719)],
            terminalType => endpoint(), terminalAlias => [{dialedDigits, "2001"}, {'h323-ID', "alice"}],
            endpointVendor => vendor(), timeToLive => 600, keepAlive => false, willSupplyUUIEs => false,
            maintainConnection => false},
    Rcf = #{requestSeqNum => 11, protocolIdentifier => ?PROTOCOL, callSignalAddress => [ta(?SERVER, 1720)],
            endpointIdentifier => "EP2", timeToLive => 120, willRespondToIRR => false, maintainConnection => false},
    Urq = #{requestSeqNum => 12, callSignalAddress => [ta(?CLIENT, 1720)]},
    Arq = #{requestSeqNum => 13, callType => {pointToPoint, 'NULL'}, endpointIdentifier => "EP2",
            destinationInfo => [{dialedDigits, "2002"}], srcInfo => [{dialedDigits, "2001"}],
            srcCallSignalAddress => ta(?CLIENT, 1720), bandWidth => 1280, callReferenceValue => 5,
            conferenceID => ?CONF, activeMC => false, answerCall => false, canMapAlias => false,
            callIdentifier => ?CALLID, willSupplyUUIEs => false, canMapSrcAlias => false},
    Acf = #{requestSeqNum => 13, bandWidth => 1280, callModel => {direct, 'NULL'}, destCallSignalAddress => ta(?SERVER, 1720),
            willRespondToIRR => false, uuiesRequested => uuies()},
    %% A service control indication that is not H.460.18's: a URL session and generic data of another feature.
    SciOther = #{requestSeqNum => 15, serviceControl => [#{sessionId => 1, contents => {url, "http://gk.example/svc"},
                                                          reason => {open, 'NULL'}}],
                 callSpecific => #{callIdentifier => ?CALLID, conferenceID => ?CONF, answeredCall => false},
                 genericData => [feature(9)]},
    Lcf = #{requestSeqNum => 14, callSignalAddress => ta(?SERVER, 1720), rasAddress => ta(?SERVER, 1719)},
    Irr = #{requestSeqNum => 16, endpointType => endpoint(), endpointIdentifier => "EP2", rasAddress => ta(?CLIENT, 1719),
            callSignalAddress => [ta(?CLIENT, 1720)], endpointAlias => [{'h323-ID', "alice"}], needResponse => false,
            unsolicited => false},
    Lrq = #{requestSeqNum => 14, destinationInfo => [{dialedDigits, "3003"}], replyAddress => ta(?CLIENT, 1719),
            canMapAlias => false, canMapSrcAlias => false},
    [{"ras-grq", enc('H323-MESSAGES', 'RasMessage', {gatekeeperRequest, Grq})},
     {"ras-gcf", enc('H323-MESSAGES', 'RasMessage', {gatekeeperConfirm, Gcf})},
     {"ras-rrq", enc('H323-MESSAGES', 'RasMessage', {registrationRequest, Rrq})},
     {"ras-rcf", enc('H323-MESSAGES', 'RasMessage', {registrationConfirm, Rcf})},
     {"ras-arq", enc('H323-MESSAGES', 'RasMessage', {admissionRequest, Arq})},
     {"ras-acf", enc('H323-MESSAGES', 'RasMessage', {admissionConfirm, Acf})},
     {"ras-lrq", enc('H323-MESSAGES', 'RasMessage', {locationRequest, Lrq})},
     {"ras-urq", enc('H323-MESSAGES', 'RasMessage', {unregistrationRequest, Urq})},
     {"ras-sci-other", enc('H323-MESSAGES', 'RasMessage', {serviceControlIndication, SciOther})},
     {"ras-lcf", enc('H323-MESSAGES', 'RasMessage', {locationConfirm, Lcf})},
     {"ras-irr", enc('H323-MESSAGES', 'RasMessage', {infoRequestResponse, Irr})}].

uuies() -> #{setup => false, callProceeding => false, connect => false, alerting => false, information => false,
             releaseComplete => false, facility => false, progress => false, empty => false}.

%% Separate H.245 connection: the inside caller's bidirectional OLC (forward and reverse media), the callee's OLCAck,
%% a T.120 OLC with separateStack, CloseLogicalChannel and endSessionCommand.
h245_connection() ->
    Bidirectional = maps:merge(olc_transmit(3, ?CLIENT, 5011),
        #{reverseLogicalChannelParameters =>
              #{dataType => {videoData, {h263VideoCapability,
                    #{qcifMPI => 1, cifMPI => 2, maxBitRate => 3840, unrestrictedVector => false, arithmeticCoding => false,
                      advancedPrediction => false, pbFrames => false, temporalSpatialTradeOffCapability => false}}},
                multiplexParameters => {h2250LogicalChannelParameters, h2250(2, {?CLIENT, 5020}, {?CLIENT, 5021})}}}),
    T120 = #{forwardLogicalChannelNumber => 4,
             forwardLogicalChannelParameters =>
                 #{dataType => {data, #{application => {t120, {nonStandard, #{nonStandardIdentifier => {object, {1,2,3}}, data => <<1,2>>}}},
                                        maxBitRate => 640}},
                   multiplexParameters => {none, 'NULL'}},
             separateStack => #{networkAddress => {localAreaAddress, h245ta(?CLIENT, 1503)}, associateConference => false}},
    [{"h245-olc-bidirectional", tpkt(mscm(request, openLogicalChannel, Bidirectional))},
     {"h245-olcack-inside", tpkt(mscm(response, openLogicalChannelAck, olc_ack(21, ?CLIENT, 5030)))},
     {"h245-olc-outside", tpkt(mscm(request, openLogicalChannel, olc_transmit(21, ?SERVER, 7021)))},
     {"h245-olc-t120", tpkt(mscm(request, openLogicalChannel, T120))},
     {"h245-close", tpkt(mscm(request, closeLogicalChannel, #{forwardLogicalChannelNumber => 3, source => {user, 'NULL'}}))},
     {"h245-endsession", tpkt(mscm(command, endSessionCommand, {disconnect, 'NULL'}))}].

%% Shapes that must open nothing: an h245Address of another host, one below 1024, media of another host.
refused_shapes() ->
    [{"refused-h245-neighbour", q931(5, 15, 0, uu({setup, setup(#{h245Address => ta(?NEIGHBOUR, 1300)})}, #{}))},
     {"refused-h245-lowport", q931(5, 16, 0, uu({setup, setup(#{h245Address => ta(?CLIENT, 23)})}, #{}))},
     {"refused-olc-neighbour", tpkt(mscm(request, openLogicalChannel, olc_transmit(5, ?NEIGHBOUR, 5041)))},
     {"connect-h245-inside", q931(7, 17, 1, uu({connect, connect(#{h245Address => ta(?CLIENT, 1300)})}, #{}))},
     {"progress-h245-inside", q931(3, 18, 1, uu({progress, #{protocolIdentifier => ?PROTOCOL, destinationInfo => endpoint(),
                                                              h245Address => ta(?CLIENT, 1301), callIdentifier => ?CALLID,
                                                              fastStart => [olc_bytes(olc_transmit(6, ?CLIENT, 5051))]}}, #{}))},
     {"proceeding-h245-inside", q931(2, 19, 1, uu({callProceeding, #{protocolIdentifier => ?PROTOCOL, destinationInfo => endpoint(),
                                                                      h245Address => ta(?CLIENT, 1302), callIdentifier => ?CALLID,
                                                                      multipleCalls => false, maintainConnection => false}}, #{}))},
     {"alerting-h245-inside", q931(1, 20, 1, uu({alerting, #{protocolIdentifier => ?PROTOCOL, destinationInfo => endpoint(),
                                                             h245Address => ta(?CLIENT, 1304), callIdentifier => ?CALLID,
                                                             fastStart => [olc_bytes(olc_transmit(7, ?CLIENT, 5061))],
                                                             multipleCalls => false, maintainConnection => false}}, #{}))},
     %% Facility startH245 (an extension alternative of FacilityReason) with h245Address (an extension addition).
     {"facility-h245-inside", q931(16#62, 21, 1, uu({facility, #{protocolIdentifier => ?PROTOCOL, reason => {startH245, 'NULL'},
                                                                  callIdentifier => ?CALLID, h245Address => ta(?CLIENT, 1303),
                                                                  multipleCalls => false, maintainConnection => false}}, #{}))},
     {"information-faststart", q931(16#7b, 22, 0, uu({information, #{protocolIdentifier => ?PROTOCOL, callIdentifier => ?CALLID,
                                                                      fastStart => [olc_bytes(olc_transmit(8, ?CLIENT, 5071))]}}, #{}))}].
