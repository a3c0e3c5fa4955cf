-- wrk script: GET with a bearer token (TOKEN in the env)
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
