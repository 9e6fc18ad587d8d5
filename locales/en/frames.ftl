## Frames (flows/frames.toml) and the frame summary.

frame-name-autonomy = autonomy
frame-desc-autonomy = the person as a self-determining individual: own direction, own responsibility, intrinsic motivation
frame-name-community = community
frame-desc-community = the person as part of a group: network, neighbours, informal help, belonging
frame-name-ecological = ecological
frame-desc-ecological = the person as part of nature and its limits
frame-name-needs = needs
frame-desc-needs = what this person needs: tailor-made support, protection of the vulnerable, the client as victim of circumstances
frame-name-social-control = social control
frame-desc-social-control = society's demands as a condition of belonging: rights and duties, agreements, enforcement, sanctions
frame-name-market = market
frame-desc-market = equal access and fair distribution, efficiency, workload and caseload, off benefit as fast as possible
frame-name-cooperative = cooperative
frame-desc-cooperative = one shared system with a shared interest in solving the case together
frame-name-political = political
frame-desc-political = a struggle between parties, us and them, self-interest
