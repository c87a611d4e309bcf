Console.WriteLine("dmvpnlab");
